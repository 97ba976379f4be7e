// The steps of a broadcast (Day 1, Day 2, …) in words: when each goes out and what it says, briefly.
import { TYPE_CHANNELS, type BroadcastType, type StepDto } from '../../../../shared/broadcasts';
import type { BroadcastDto } from '../../../../shared/dto';
import { formatSchedule } from './schedule';

/** The first step whose time is still ahead; undefined when none is (or the broadcast is a draft). */
export function nextStep({ steps }: Pick<BroadcastDto, 'steps'>, now: Date): StepDto | undefined {
  return steps.find((step) => step.schedule !== null && new Date(step.schedule.utc) > now);
}

/** When the first step went out: its time, or the launch for a Day 1 sent straight away. */
export function firstSentAt({ steps, launchedAt }: Pick<BroadcastDto, 'steps' | 'launchedAt'>): string | null {
  return steps[0]?.schedule?.utc ?? launchedAt;
}

const daysAfter = (days: number): string => (days === 1 ? '1 day' : `${days} days`);

/**
 * "Sat 7 Mar at 10:00 (America/Chicago)" once launched, or "straight away" for a Day 1 sent at launch.
 * For a draft, the time asked for: "at launch", or "2 days after Day 1, same time".
 */
export function stepTimeWords(step: StepDto, launched: boolean, zone: string): string {
  if (step.schedule) return formatSchedule(step.schedule);
  if (launched) return 'straight away';
  if (step.sendAt) return formatSchedule({ local: step.sendAt, zone });
  return step.day === 1 ? 'at launch' : `${daysAfter(step.day - 1)} after Day 1, same time`;
}

export interface ContentLine {
  /** "Text", "Email subject", "Notification title". */
  label: string;
  /** Empty while the draft has nothing there. */
  text: string;
}

/** One short line per channel of the type: the text, the email's subject, the notification's title. */
export function contentLines(type: BroadcastType, step: StepDto): ContentLine[] {
  return TYPE_CHANNELS[type].map((channel) => {
    switch (channel) {
      case 'sms':
        return { label: 'Text', text: step.sms.body.trim() };
      case 'email':
        return { label: 'Email subject', text: step.email.subject.trim() };
      case 'push':
        return { label: 'Notification title', text: step.push.title.trim() };
    }
  });
}
