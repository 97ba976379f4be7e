import { Button, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { countOf } from '../../lib/format';
import { navigate } from '../../stores/navigation';
import { SectionCard } from '../ui/SectionCard';

/** First-run guidance: the two steps to a first broadcast. */
export function GettingStarted({ clientCount }: { clientCount: number }) {
  const hasClients = clientCount > 0;
  return (
    <SectionCard title="Get started">
      <Step
        number={1}
        done={hasClients}
        title="Add your clients"
        hint={hasClients ? `Done: you have ${countOf(clientCount, 'client')}.` : 'Their name, mobile number and email.'}
        action={{ label: 'Add your clients', onClick: () => navigate({ page: 'contacts' }) }}
      />
      <Step
        number={2}
        done={false}
        title="Send your first broadcast"
        hint="Write one text or email and send it to all your clients at once."
        action={{ label: 'Send your first broadcast', onClick: () => navigate({ page: 'newBroadcast' }) }}
      />
    </SectionCard>
  );
}

interface StepProps {
  number: number;
  done: boolean;
  title: string;
  hint: string;
  action: { label: string; onClick(): void };
}

function Step({ number, done, title, hint, action }: StepProps) {
  return (
    <Group justify="space-between" wrap="nowrap">
      <Group wrap="nowrap">
        <ThemeIcon radius="xl" size="lg" color={done ? 'green' : undefined} variant={done ? 'filled' : 'light'}>
          {done ? '✓' : number}
        </ThemeIcon>
        <Stack gap={0}>
          <Text fw={500}>
            {number}. {title}
          </Text>
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        </Stack>
      </Group>
      <Button variant={done ? 'default' : 'filled'} onClick={action.onClick}>
        {action.label}
      </Button>
    </Group>
  );
}
