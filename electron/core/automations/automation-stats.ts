import type { AutomationStatsDto } from '../../../shared/automations';
import type { Db } from '../../../db/open';
import { CHARGED } from '../campaigns/campaigns-repository';
import { SANDBOX_PROVIDER_ID } from '../providers/sandbox/sandbox-provider';
import { countDeliveries } from '../tracking/delivery-counts';

/**
 * An automation's numbers like a broadcast's, over all its runs and per month of runs: the counts
 * come from the tracking's one table, so they match its delivery report. Practice (sandbox) sends cost nothing.
 */
export function automationStats(sqlite: Db['$client'], automationId: number, zone: string, currency: string): AutomationStatsDto {
  const months = sqlite
    .prepare(
      `SELECT substr(c.run_date, 1, 7) AS month,
              COALESCE(SUM(COALESCE(d.price, d.cost_estimate)) FILTER (WHERE d.${CHARGED} AND d.provider IS NOT '${SANDBOX_PROVIDER_ID}'), 0) AS cost
         FROM campaigns c LEFT JOIN deliveries d ON d.campaign_id = c.id
        WHERE c.automation_id = ? GROUP BY month ORDER BY month DESC LIMIT 12`,
    )
    .all(automationId) as Array<{ month: string; cost: number }>;
  const skipped = sqlite
    .prepare(`SELECT COUNT(*) FROM automation_enrolments WHERE automation_id = ? AND outcome = 'skipped'`)
    .pluck()
    .get(automationId) as number;
  return {
    totals: countDeliveries(sqlite, { automationId }, zone),
    cost: months.reduce((sum, month) => sum + month.cost, 0),
    currency,
    months: months.map((month) => ({
      month: month.month,
      counts: countDeliveries(sqlite, { automationId, from: `${month.month}-01`, to: lastDayOf(month.month) }, zone),
      cost: month.cost,
    })),
    skipped,
  };
}

/** 'YYYY-MM-DD' of a month's last day, from 'YYYY-MM'. */
function lastDayOf(month: string): string {
  const [year = 1970, number = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
}
