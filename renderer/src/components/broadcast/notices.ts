// What the broadcast page says about a pause the owner did not ask for, and about a step that came
// due while the app was closed or asleep.
import type { BroadcastType, StepDto } from '../../../../shared/broadcasts';
import type { BroadcastDto } from '../../../../shared/dto';
import { formatAmount, type MoneyFormat } from '../../lib/money';
import { formatDateTime } from '../../lib/format';

export interface Notice {
  title: string;
  body: string;
  color: 'red' | 'orange' | 'yellow';
}

/** Who "the provider" is for each type of broadcast, in the owner's words. */
const PROVIDERS: Record<BroadcastType, string> = {
  sms: 'Your text message provider (Twilio)',
  email: 'Your email mailbox',
  sms_email: 'Your text or email provider',
  push: 'The notification service of your clients’ browsers',
};

/**
 * Why a broadcast paused by itself: the budget cap, or a provider that stopped answering. Null when
 * it is not paused, or the owner paused it (the page already says how to resume).
 */
export function pausedNotice(
  broadcast: Pick<BroadcastDto, 'status' | 'pausedReason' | 'type' | 'stats'>,
  money: MoneyFormat & { budgetCap: number | null },
): Notice | null {
  if (broadcast.status !== 'paused') return null;
  switch (broadcast.pausedReason) {
    case 'budget': {
      const { cost, practiceCost } = broadcast.stats;
      // The cap counts sandbox sends at their price too, so practising shows where a real send would stop.
      const spent = cost > 0 || practiceCost === 0 ? `has cost ${formatAmount(cost, money)}` : `would have cost ${formatAmount(practiceCost, money)} (sandbox)`;
      const cap = money.budgetCap === null ? '' : ` of ${formatAmount(money.budgetCap, money)}`;
      return {
        title: 'Sending stopped at your budget cap',
        body: `This broadcast ${spent} so far and reached your budget cap${cap}, so nothing more goes out. To finish sending it, raise the cap in Settings → Costs & limits, then press Resume.`,
        color: 'red',
      };
    }
    case 'provider':
      return {
        title: 'Sending paused: your provider stopped answering',
        body: `${PROVIDERS[broadcast.type]} stopped answering, so sending paused rather than fail message after message to your clients. It will try again automatically in a little while; you can also press Resume to try now.`,
        color: 'orange',
      };
    default:
      return null;
  }
}

export interface MissedWords {
  title: string;
  body: string;
  sendLabel: string;
  skipLabel: string;
  skipQuestion: string;
  skipEffect: string;
}

/** "Day 2 was due at … while the app was closed or asleep", and what its buttons say. */
export function missedStepWords(
  step: Pick<StepDto, 'day' | 'schedule' | 'missedAt'>,
  steps: number,
  clock: { timeZone: string; locale: string },
  graceHours: number,
): MissedWords {
  const due = step.schedule?.utc ?? step.missedAt;
  const when = due ? ` at ${formatDateTime(due, clock.timeZone, clock.locale)}` : '';
  const which = steps > 1 ? `Day ${step.day}` : 'This broadcast';
  const late = graceHours === 1 ? 'an hour' : `${graceHours} hours`;
  return {
    title: steps > 1 ? `Day ${step.day} has not been sent` : 'This broadcast has not been sent',
    body: `${which} was due${when} while the app was closed or asleep. It is now more than ${late} late, so it waits for you: send it now, or skip it.`,
    sendLabel: 'Send now',
    skipLabel: steps > 1 ? `Skip Day ${step.day}` : 'Skip it',
    skipQuestion: steps > 1 ? `Skip Day ${step.day}?` : 'Skip this broadcast?',
    skipEffect:
      steps > 1
        ? `The messages of Day ${step.day} will never go out. The other days go on as planned.`
        : 'Its messages will never go out. You can duplicate the broadcast later to send it again.',
  };
}

/** The steps waiting for "send now" or "skip". */
export function missedSteps(broadcast: Pick<BroadcastDto, 'steps' | 'status'>): StepDto[] {
  if (broadcast.status === 'cancelled' || broadcast.status === 'completed' || broadcast.status === 'draft') return [];
  return broadcast.steps.filter((step) => step.missedAt !== null);
}
