import { DateTime } from 'luxon';
import type { RehearsalDayDto, RehearsalDto } from '../../../shared/automations';
import type { SettingsDto } from '../../../shared/dto';
import { countSmsSegments } from '../../../shared/sms-segments';
import type { Db } from '../../../db/open';
import { addDays, filterContext } from '../audience/filter-context';
import { composeSms, tokenValues } from '../delivery/compose-message';
import { CAP_COUNTED_STATUSES, CAP_WINDOW_MS } from '../delivery/frequency-cap';
import { statusInSql } from '../tracking/delivery-counts';
import { dueCandidates, type DueQuery } from './automation-runner';
import { decide } from './decide';

/** The cap's window in whole salon days. */
const CAP_DAYS = CAP_WINDOW_MS / 86_400_000;

/**
 * The automation run day by day over a simulated clock, over today's clients: who would get what,
 * who would be skipped and why (the weekly cap included, counting what they were really sent this
 * past week), and the cost. Nothing is written or sent.
 */
export function rehearseAutomation(sqlite: Db['$client'], query: DueQuery, settings: SettingsDto, now: Date, days: number): RehearsalDto {
  const zone = settings.timeZone;
  const start = filterContext(now, zone).today;
  const salon = { name: settings.salonName, postalAddress: settings.postalAddress };
  const decided = new Set<string>();
  // Each client's messages by salon day: those really sent this past week, then the rehearsal's own.
  const sentOn = recentMessageDays(sqlite, now, zone);
  const result: RehearsalDto = { automationId: query.automation.id, days: [], totals: { sends: 0, skips: 0, cost: 0, currency: settings.currency } };
  for (let offset = 0; offset < days; offset++) {
    const today = addDays(start, offset);
    const at = simulatedNow(today, query.edit.sendTime, zone);
    const day: RehearsalDayDto = { date: today, sends: [], skips: [], cost: 0 };
    const automation = { ...query.automation, enabledAt: query.automation.enabledAt ?? now.toISOString() };
    for (const candidate of dueCandidates(sqlite, { automation, edit: query.edit }, zone, { today, from: today, to: today }, at)) {
      const key = `${candidate.contactId}|${candidate.occasion}`;
      if (decided.has(key)) continue;
      decided.add(key);
      let decision = decide(candidate, { kind: query.automation.kind, edit: query.edit, today });
      if (decision.outcome === 'sent' && !query.edit.exemptFromCap && settings.frequencyCap !== null) {
        const sent = (sentOn.get(candidate.contactId) ?? []).filter((date) => date > addDays(today, -CAP_DAYS)).length;
        if (sent >= settings.frequencyCap) decision = { outcome: 'skipped', reason: `Weekly message limit reached (${settings.frequencyCap} in 7 days)` };
      }
      if (decision.outcome === 'skipped') {
        day.skips.push({ contactId: candidate.contactId, name: candidate.name, reason: decision.reason });
        continue;
      }
      if (!query.edit.exemptFromCap) sentOn.set(candidate.contactId, [...(sentOn.get(candidate.contactId) ?? []), today]);
      day.sends.push({ contactId: candidate.contactId, name: candidate.name, channels: decision.channels });
      if (decision.channels.includes('sms')) {
        const text = composeSms(query.edit.sms, tokenValues(candidate, salon));
        day.cost += countSmsSegments(text).segments * settings.smsPricePerSegment;
      }
    }
    result.days.push(day);
    result.totals.sends += day.sends.length;
    result.totals.skips += day.skips.length;
    result.totals.cost += day.cost;
  }
  return result;
}

/** The salon day's send time (or its start, for "as soon as due") as an instant. */
function simulatedNow(day: string, sendTime: string | null, zone: string): Date {
  return DateTime.fromISO(`${day}T${sendTime ?? '00:00'}`, { zone }).toJSDate();
}

/** The salon days on which each client got a marketing message this past week (the cap's count). */
function recentMessageDays(sqlite: Db['$client'], now: Date, zone: string): Map<number, string[]> {
  const since = new Date(now.getTime() - CAP_WINDOW_MS).toISOString();
  const rows = sqlite
    .prepare(
      `SELECT DISTINCT r.contact_id AS contactId, d.step_id AS stepId, d.claimed_at AS claimedAt
         FROM deliveries d JOIN campaign_recipients r ON r.id = d.recipient_id JOIN campaigns c ON c.id = d.campaign_id
        WHERE d.claimed_at >= ? AND ${statusInSql('d.status', CAP_COUNTED_STATUSES)} AND c.cap_exempt = 0 AND r.contact_id IS NOT NULL
        GROUP BY r.contact_id, d.step_id`,
    )
    .all(since) as Array<{ contactId: number; claimedAt: string }>;
  const days = new Map<number, string[]>();
  for (const row of rows) days.set(row.contactId, [...(days.get(row.contactId) ?? []), filterContext(new Date(row.claimedAt), zone).today]);
  return days;
}
