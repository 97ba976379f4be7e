// Automations in a salon owner's words: what each is for, its edit form's state, the preview
// sentence, the stats line and the occasions ("birthday 2027", "visit on 3 Nov").
import type { AutomationDto, AutomationEdit, AutomationKind, AutomationPreviewDto, AutomationStatsDto, AutomationType } from '../../../shared/automations';
import type { InputIssue } from '../../../shared/errors';
import { emptyCounts, type DeliveryCountsDto } from '../../../shared/tracking';
import { formatAmount, type MoneyFormat } from './money';
import { formatNumber } from './rates';

export const AUTOMATION_TYPE_LABELS: Record<AutomationType, string> = {
  sms: 'Text message',
  email: 'Email',
  sms_email: 'Text & email',
};

/** What the owner edits of a saved automation, as automations.update takes it. */
export function editOf(automation: AutomationDto): AutomationEdit {
  const { name, type, days, audience, sms, email, sendTime, exemptFromCap, skipIfBooked, skipIfVisitedWithinDays } = automation;
  return { name, type, days, audience, sms, email, sendTime, exemptFromCap, skipIfBooked, skipIfVisitedWithinDays };
}

/** True when the form holds the same as what is saved. */
export function sameEdit(a: AutomationEdit, b: AutomationEdit): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The problems automations.update reports on the audience ("automation.audience.conditions.0.value"),
 * as the audience builder reads them ("filter.conditions.0.value").
 */
export function audienceIssues(issues: readonly InputIssue[]): InputIssue[] {
  const prefix = 'automation.audience';
  return issues
    .filter((issue) => issue.path === prefix || issue.path.startsWith(`${prefix}.`))
    .map((issue) => ({ ...issue, path: `filter${issue.path.slice(prefix.length)}` }));
}

const MONTHS_SHORT = { day: 'numeric', month: 'short', timeZone: 'UTC' } as const;

/** '2026-11-03' → "3 Nov" (or "Nov 3"); with the year when it is not `thisYear`. */
export function shortDate(isoDate: string, locale: string, thisYear?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const withYear = thisYear !== undefined && year !== thisYear;
  return new Intl.DateTimeFormat(locale, withYear ? { ...MONTHS_SHORT, year: 'numeric' } : MONTHS_SHORT).format(date);
}

/** When something happens, from today: "today", "tomorrow", or "on 3 Nov". */
export function whenWords(isoDate: string, today: string, locale: string): string {
  if (isoDate === today) return 'today';
  const tomorrow = new Date(`${today}T12:00:00Z`);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  if (isoDate === tomorrow.toISOString().slice(0, 10)) return 'tomorrow';
  return `on ${shortDate(isoDate, locale, today.slice(0, 4))}`;
}

/**
 * What a decision was for, in plain words: a birthday's year → "birthday 2027", a visit's date →
 * "visit on 3 Nov", "welcome" → "welcome"; anything else as the core wrote it. Knowing the
 * automation's kind, a date is named for what it is: "birthday on 12 Dec", "added on 3 Nov".
 */
export function occasionWords(occasion: string, locale: string, thisYear?: string, kind?: AutomationKind): string {
  if (/^\d{4}$/.test(occasion)) return `birthday ${occasion}`;
  if (/^(\d{4}-|--)\d{2}-\d{2}/.test(occasion)) {
    // A birthday without its year ('--12-12') is shown in this year.
    const date = shortDate(occasion.startsWith('--') ? `${thisYear ?? '2000'}${occasion.slice(1)}` : occasion, locale, thisYear);
    if (kind === 'birthday') return `birthday on ${date}`;
    if (kind === 'welcome') return `added on ${date}`;
    return `visit on ${date}`;
  }
  return occasion;
}

/** "Ana, Ben and Chloé", "Ana, Ben, Chloé and 11 more": up to `shown` names of `total` clients. */
export function namesList(names: readonly string[], total: number, shown = 5): string {
  const listed = names.slice(0, shown);
  const more = Math.max(0, total - listed.length);
  if (listed.length === 0) return '';
  if (more > 0) return `${listed.join(', ')} and ${more} more`;
  if (listed.length === 1) return listed[0] ?? '';
  return `${listed.slice(0, -1).join(', ')} and ${listed.at(-1) ?? ''}`;
}

/** "This week it would reach 14 clients: Ana, Ben, … and 9 more", or that it would reach nobody. */
export function reachSentence(preview: Pick<AutomationPreviewDto, 'total' | 'sample'>, locale: string): string {
  if (preview.total === 0) return 'This week it would reach nobody.';
  const count = `${formatNumber(preview.total, locale)} ${preview.total === 1 ? 'client' : 'clients'}`;
  return `This week it would reach ${count}: ${namesList(
    preview.sample.map(({ name }) => name),
    preview.total,
  )}.`;
}

/** The month's figures of an automation ('YYYY-MM'); zeros for a month without any. */
export function monthFigures(stats: Pick<AutomationStatsDto, 'months'>, month: string): { counts: DeliveryCountsDto; cost: number } {
  const found = stats.months.find((entry) => entry.month === month);
  return found ? { counts: found.counts, cost: found.cost } : { counts: emptyCounts(), cost: 0 };
}


/** The card's line: "This month: 12 sent · 11 delivered · 1 failed · 0 opted out · $0.10". */
export function statsLine(figures: { counts: DeliveryCountsDto; cost: number }, money: MoneyFormat): string {
  const { counts, cost } = figures;
  const n = (value: number) => formatNumber(value, money.locale);
  if (counts.recipients === 0 && counts.sent === 0) return 'This month: nothing sent yet';
  return `This month: ${n(counts.sent)} sent · ${n(counts.delivered)} delivered · ${n(counts.failed)} failed · ${n(counts.optedOut)} opted out · ${formatAmount(cost, money)}`;
}

/** "Dec 2026" or "déc. 2026": a stats month ('YYYY-MM') the salon's way. */
export function monthLabel(month: string, locale: string): string {
  const [year, number] = month.split('-').map(Number);
  if (!year || !number) return month;
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, number - 1, 1)));
}

const CHANNEL_WORDS = { sms: 'text', email: 'email' } as const;

/** ['sms', 'email'] → "text and email". */
export function channelsWords(channels: ReadonlyArray<'sms' | 'email'>): string {
  return channels.map((channel) => CHANNEL_WORDS[channel]).join(' and ');
}
