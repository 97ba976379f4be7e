import { Alert, Text } from '@mantine/core';
import { useState } from 'react';
import type { BroadcastDto, PauseReason } from '../../../../shared/dto';
import { formatSchedule } from './schedule';
import { nextStep } from './steps';

/** What goes out next, on the salon's clock, while a launched broadcast still has a step ahead. */
export function BroadcastWhen({ broadcast }: { broadcast: BroadcastDto }) {
  // The page is opened afresh often enough for "now" to stay right.
  const [now] = useState(() => new Date());
  const { status, steps } = broadcast;
  if (status !== 'scheduled' && status !== 'sending' && status !== 'paused') return null;
  // A scheduled broadcast whose time has just come shows it until sending starts.
  const next = nextStep(broadcast, now) ?? (status === 'scheduled' ? steps[0] : undefined);
  if (!next?.schedule) return null;

  return (
    <Alert color={status === 'paused' ? 'yellow' : 'violet'} title="Send time" data-testid="schedule">
      <Text size="sm">
        {sentence(status === 'paused' ? (broadcast.pausedReason ?? 'owner') : null, next.day, steps.length, formatSchedule(next.schedule))}
      </Text>
      {next.schedule.note && (
        <Text size="sm" c="dimmed">
          {next.schedule.note}.
        </Text>
      )}
    </Alert>
  );
}

/** "Goes out Wed 11 Mar at 10:30 (America/Chicago).", "Day 2 goes out … 1 more step follows.", or paused. */
function sentence(paused: PauseReason | null, day: number, steps: number, when: string): string {
  const which = steps > 1 ? `Day ${day}` : 'It';
  if (paused === 'provider') return `Paused until your provider answers again. ${which} is set for ${when}.`;
  if (paused) return `Paused: nothing goes out until you resume. ${which} is set for ${when}.`;
  const later = steps - day;
  const follow = later === 0 ? '' : later === 1 ? ' 1 more step follows.' : ` ${later} more steps follow.`;
  return `${steps > 1 ? `Day ${day} goes` : 'Goes'} out ${when}.${follow}`;
}
