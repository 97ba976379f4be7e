// The "Costs, limits and quiet hours" form's state, and how it turns into settings.update input.
import type { MethodInput } from '../../../shared/contract';
import type { SettingsDto } from '../../../shared/dto';
import type { InputIssue } from '../../../shared/errors';
import { formatPhone } from './format';

/** A number field as Mantine's NumberInput gives it: a number, or text while empty or half typed. */
type NumberDraft = number | string;

export interface CostsLimitsDraft {
  /** As the owner types it; '' = none. */
  ownerPhone: string;
  /** '' = none. */
  ownerEmail: string;
  /** 'HH:mm', as an <input type="time"> gives it. */
  quietStart: string;
  quietEnd: string;
  currency: string;
  smsPricePerSegment: NumberDraft;
  /** Empty = no cap. */
  budgetCap: NumberDraft;
  smsPerSecond: NumberDraft;
  emailPerMinute: NumberDraft;
  /** How many hours late a message may still go out by itself after the computer was off or asleep. */
  graceHours: NumberDraft;
  /** Marketing messages per client per 7 days, broadcasts and automations together; empty = no limit. */
  frequencyCap: NumberDraft;
}

export type SettingsPatch = MethodInput<'settings.update'>;

export type PatchResult = { ok: true; patch: SettingsPatch } | { ok: false; issues: InputIssue[] };

export function costsLimitsDraftFrom(settings: SettingsDto): CostsLimitsDraft {
  return {
    ownerPhone: settings.ownerPhone ? formatPhone(settings.ownerPhone, settings.country) : '',
    ownerEmail: settings.ownerEmail ?? '',
    quietStart: settings.quietHours.start,
    quietEnd: settings.quietHours.end,
    currency: settings.currency,
    smsPricePerSegment: settings.smsPricePerSegment,
    budgetCap: settings.budgetCap ?? '',
    smsPerSecond: settings.smsPerSecond,
    emailPerMinute: settings.emailPerMinute,
    graceHours: settings.graceHours,
    frequencyCap: settings.frequencyCap ?? '',
  };
}

/**
 * Only what the owner changed, so a field left alone is never re-sent (a phone shown in national form
 * must not be re-read under a country changed since). Numbers left empty or half typed come back as
 * issues on their fields; everything else is checked by the core.
 */
export function costsLimitsPatch(before: CostsLimitsDraft, after: CostsLimitsDraft): PatchResult {
  const patch: SettingsPatch = {};
  const issues: InputIssue[] = [];
  const number = (field: 'smsPricePerSegment' | 'smsPerSecond' | 'emailPerMinute' | 'graceHours', message: string): void => {
    if (after[field] === before[field]) return;
    const value = toNumber(after[field]);
    if (value === null) issues.push({ path: field, message });
    else patch[field] = value;
  };

  /** A number the owner may empty for "no limit". */
  const orNone = (field: 'budgetCap' | 'frequencyCap', message: string): void => {
    if (after[field] === before[field]) return;
    const draft = after[field];
    const value = toNumber(draft);
    if (typeof draft === 'string' && draft.trim() === '') patch[field] = null;
    else if (value === null) issues.push({ path: field, message });
    else patch[field] = value;
  };

  if (after.ownerPhone.trim() !== before.ownerPhone.trim()) patch.ownerPhone = orNull(after.ownerPhone);
  if (after.ownerEmail.trim() !== before.ownerEmail.trim()) patch.ownerEmail = orNull(after.ownerEmail);
  if (after.quietStart !== before.quietStart || after.quietEnd !== before.quietEnd) {
    patch.quietHours = { start: after.quietStart, end: after.quietEnd };
  }
  if (after.currency.trim().toUpperCase() !== before.currency.trim().toUpperCase()) patch.currency = after.currency;
  number('smsPricePerSegment', 'Enter what one text segment costs, e.g. 0.0083');
  orNone('budgetCap', 'Enter an amount, or leave it empty for no cap');
  number('smsPerSecond', 'Enter how many texts may go out each second, e.g. 1');
  number('emailPerMinute', 'Enter how many emails may go out each minute, e.g. 20');
  number('graceHours', 'Enter a number of hours, e.g. 2');
  orNone('frequencyCap', 'Enter a number of messages, e.g. 2, or leave it empty for no limit');

  return issues.length > 0 ? { ok: false, issues } : { ok: true, patch };
}

/** A NumberInput value as a number; null when empty or not a number yet ('', '-', '0.'). */
export function toNumber(value: NumberDraft): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.trim();
  if (text === '') return null;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : null;
}

function orNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}
