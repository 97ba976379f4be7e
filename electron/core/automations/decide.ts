import type { AutomationEdit, AutomationKind } from '../../../shared/automations';
import { addDays } from '../audience/filter-context';
import type { Candidate } from './triggers';

export type Decision = { outcome: 'sent'; channels: Array<'sms' | 'email'> } | { outcome: 'skipped'; reason: string };

export interface DecisionContext {
  kind: AutomationKind;
  edit: AutomationEdit;
  /** The salon day the decision is made on. */
  today: string;
}

/**
 * Whether a due client gets the automation, or why not, by the salon's own rules. Each skip reason is
 * the owner's plain words, kept in the ledger and shown on the client and in the automation's history.
 */
export function decide(candidate: Candidate, { kind, edit, today }: DecisionContext): Decision {
  if (!candidate.inAudience) return skipped('Not in this automation’s audience');
  if (kind === 'birthday' && candidate.eventDate < today) {
    return skipped(`The birthday (${candidate.eventDate}) passed while the app was closed`);
  }
  if (edit.skipIfBooked && candidate.nextAppointmentAt !== null && candidate.nextAppointmentAt.slice(0, 10) >= today) {
    return skipped(`An appointment is booked for ${candidate.nextAppointmentAt.slice(0, 10)}`);
  }
  const recentSince = edit.skipIfVisitedWithinDays === null ? null : addDays(today, -edit.skipIfVisitedWithinDays);
  if (recentSince !== null && candidate.lastVisitAt !== null && candidate.lastVisitAt.slice(0, 10) > recentSince) {
    return skipped(`Visited on ${candidate.lastVisitAt.slice(0, 10)}, within the last ${edit.skipIfVisitedWithinDays} days`);
  }
  const channels: Array<'sms' | 'email'> = [];
  if (edit.type !== 'email' && candidate.smsReachable) channels.push('sms');
  if (edit.type !== 'sms' && candidate.emailReachable) channels.push('email');
  if (channels.length === 0) return skipped(`Can’t be reached: ${unreachableReasons(candidate, edit).join('; ')}`);
  return { outcome: 'sent', channels };
}

const skipped = (reason: string): Decision => ({ outcome: 'skipped', reason });

/** Why each of the automation's channels cannot reach the client. */
function unreachableReasons(candidate: Candidate, edit: AutomationEdit): string[] {
  const reasons: string[] = [];
  if (edit.type !== 'email') {
    if (candidate.phone === null) reasons.push('no mobile number');
    else if (candidate.smsUnusable) reasons.push('the number can’t get texts');
    else reasons.push(consentWords(candidate.smsConsent, 'texts'));
  }
  if (edit.type !== 'sms') {
    reasons.push(candidate.email === null ? 'no email address' : consentWords(candidate.emailConsent, 'emails'));
  }
  return reasons;
}

function consentWords(consent: string, what: string): string {
  return consent === 'opted_out' ? `opted out of ${what}` : `hasn’t agreed to ${what}`;
}
