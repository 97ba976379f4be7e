import type { AutomationPreviewDto } from '../../../shared/automations';
import type { Db } from '../../../db/open';
import { addDays, filterContext } from '../audience/filter-context';
import { dueCandidates, type DueQuery } from './automation-runner';
import { decide } from './decide';

const PREVIEW_DAYS = 7;
const SAMPLE = 20;

/**
 * Who the automation would reach over the next 7 days with these settings: the same triggers and
 * rules as a run, over clients not yet decided. Welcome looks at the clients added in the last 7 days.
 */
export function previewAutomation(sqlite: Db['$client'], query: DueQuery, zone: string, now: Date): AutomationPreviewDto {
  const today = filterContext(now, zone).today;
  const look = { today, from: today, to: addDays(today, PREVIEW_DAYS - 1) };
  const automation = { ...query.automation, enabledAt: new Date(now.getTime() - PREVIEW_DAYS * 86_400_000).toISOString() };
  const preview: AutomationPreviewDto = { total: 0, reach: { sms: 0, email: 0 }, skipped: 0, sample: [] };
  for (const candidate of dueCandidates(sqlite, { automation, edit: query.edit }, zone, look, now)) {
    const decision = decide(candidate, { kind: query.automation.kind, edit: query.edit, today });
    if (decision.outcome === 'skipped') {
      preview.skipped++;
      continue;
    }
    preview.total++;
    for (const channel of decision.channels) preview.reach[channel]++;
    if (preview.sample.length < SAMPLE) {
      preview.sample.push({ contactId: candidate.contactId, name: candidate.name, date: candidate.triggerDay, occasion: candidate.eventDate });
    }
  }
  return preview;
}
