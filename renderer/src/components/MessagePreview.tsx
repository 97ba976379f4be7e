import { Paper, Stack, Text } from '@mantine/core';
import type { BroadcastDto } from '../../../shared/dto';
import { SectionCard } from './SectionCard';

/** The message as the clients get it. */
export function MessagePreview({ broadcast }: { broadcast: BroadcastDto }) {
  return (
    <SectionCard title="Message">
      <Paper bg="var(--mantine-color-gray-0)" radius="md" p="md">
        <Stack gap="xs">
          {broadcast.subject && <Text fw={600}>{broadcast.subject}</Text>}
          <Text style={{ whiteSpace: 'pre-wrap' }}>{broadcast.body}</Text>
        </Stack>
      </Paper>
    </SectionCard>
  );
}
