import { Alert, Text } from '@mantine/core';
import type { BroadcastDto } from '../../../../shared/dto';
import { formatSchedule } from './schedule';

/** When a broadcast goes (or went) out at a chosen time, on the salon's clock, and why it was moved. */
export function BroadcastWhen({ broadcast }: { broadcast: BroadcastDto }) {
  const { schedule, status } = broadcast;
  if (!schedule) return null;
  const when = formatSchedule(schedule);
  return (
    <Alert color={status === 'scheduled' ? 'violet' : 'gray'} title="Send time" data-testid="schedule">
      <Text size="sm">
        {status === 'scheduled' && `Goes out ${when}.`}
        {status === 'paused' && `Set for ${when}. Paused: nothing goes out until you resume.`}
        {status !== 'scheduled' && status !== 'paused' && `Set for ${when}.`}
      </Text>
      {schedule.note && (
        <Text size="sm" c="dimmed">
          {schedule.note}.
        </Text>
      )}
    </Alert>
  );
}
