import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { BroadcastDto } from '../../../../shared/dto';
import { navigate } from '../../stores/navigation';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { useSettings } from '../../stores/settings';
import { pausedNotice } from './notices';

/** Why a broadcast paused by itself (budget cap, provider down) and the way out; nothing otherwise. */
export function PausedBanner({ broadcast }: { broadcast: BroadcastDto }) {
  const { budgetCap } = useSettings();
  const { money } = useSalonFormat();
  const notice = pausedNotice(broadcast, { ...money, budgetCap });
  if (!notice) return null;
  return (
    <Alert color={notice.color} title={notice.title} role="alert" data-testid="paused-banner">
      <Stack gap="xs">
        <Text size="sm">{notice.body}</Text>
        {broadcast.pausedReason === 'budget' && (
          <Group>
            <Button size="xs" variant="white" color={notice.color} onClick={() => navigate({ page: 'settings', section: 'costs' })}>
              Open Costs & limits
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
