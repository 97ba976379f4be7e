import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { DashboardWaitingDto } from '../../../../shared/tracking';
import { countOf } from '../../lib/format';
import { hrefFor } from '../../lib/routes';
import { SectionCard } from '../ui/SectionCard';

const WHAT_WAITS: Record<DashboardWaitingDto['kind'], (messages: string) => string> = {
  missed_step: (messages) => `A step came due while the app was closed: send or skip its ${messages}.`,
  paused: (messages) => `Paused, with ${messages} still to send: resume or cancel it.`,
  unsure: (messages) => `${messages} cut off mid-send: choose whether to send them again.`,
};

/** Missed steps, paused broadcasts and unsure messages: each needs the owner's decision on its broadcast's page. */
export function WaitingOnYou({ waiting }: { waiting: DashboardWaitingDto[] }) {
  if (waiting.length === 0) return null;
  return (
    <SectionCard title="Waiting on you">
      <Stack gap="xs" data-testid="waiting">
        {waiting.map((item) => (
          <Group key={`${item.kind}-${item.broadcastId}`} gap="xs" wrap="nowrap" align="baseline">
            <Anchor href={hrefFor({ page: 'broadcast', id: item.broadcastId })} fw={500} size="sm" style={{ flexShrink: 0 }}>
              {item.name}
            </Anchor>
            <Text size="sm">{WHAT_WAITS[item.kind](countOf(item.messages, 'message'))}</Text>
          </Group>
        ))}
      </Stack>
    </SectionCard>
  );
}
