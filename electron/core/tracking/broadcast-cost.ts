// What a broadcast's texts were estimated to cost and what they cost: the broadcast page's cost card.
import type Database from 'better-sqlite3';
import type { SettingsDto } from '../../../shared/dto';
import type { CostDto } from '../../../shared/tracking';
import { CHARGED } from '../campaigns/campaigns-repository';
import { composeSms, tokenValues, type Recipient } from '../delivery/compose-message';
import { SANDBOX_PROVIDER_ID } from '../providers/sandbox/sandbox-provider';
import { countSmsSegments } from '../../../shared/sms-segments';
import { SENT_STATUSES, statusInSql } from './delivery-counts';

const SENT_SQL = statusInSql('status', SENT_STATUSES);
const REAL = `provider IS NOT '${SANDBOX_PROVIDER_ID}'`;

interface Charges {
  /** Real providers' prices, or the estimate where none is reported yet. */
  charged: number;
  /** The estimates of what the sandbox sent: nothing was charged. */
  practiceCost: number;
  realSent: number;
  practiceSent: number;
  pricePending: number;
}

/**
 * The cost card of each broadcast. Estimated: every planned text's segments at today's price per
 * segment, as the review before launch counts them. Actual: what real providers charged (their price,
 * or the estimate until they report it); when the sandbox sent everything, what it would have cost,
 * marked as practice.
 *
 * The planned segments are counted once per launch: a snapshot and its texts never change after it.
 * The charges are read each time: a price may come at any time, without a status change.
 */
export class BroadcastCosts {
  private readonly plannedByLaunch = new Map<string, number>();

  constructor(private readonly sqlite: Database.Database) {}

  cost(broadcastId: number, launchedAt: string | null, settings: SettingsDto): CostDto {
    const charges = this.charges(broadcastId);
    const practice = charges.practiceSent > 0 && charges.realSent === 0;
    return {
      currency: settings.currency,
      estimated: this.plannedSegments(broadcastId, launchedAt, settings) * settings.smsPricePerSegment,
      actual: practice ? charges.practiceCost : charges.charged,
      pricePending: charges.pricePending,
      practice,
    };
  }

  private charges(broadcastId: number): Charges {
    // Only charged texts are read (the status index finds them); each is the sandbox's or a real provider's.
    return this.sqlite
      .prepare(
        `SELECT COALESCE(SUM(COALESCE(price, cost_estimate)) FILTER (WHERE ${REAL}), 0) AS charged,
                COALESCE(SUM(cost_estimate) FILTER (WHERE NOT ${REAL}), 0) AS practiceCost,
                COUNT(*) FILTER (WHERE ${REAL}) AS realSent,
                COUNT(*) FILTER (WHERE NOT ${REAL}) AS practiceSent,
                COUNT(*) FILTER (WHERE ${REAL} AND price IS NULL AND ${SENT_SQL}) AS pricePending
           FROM deliveries WHERE campaign_id = ? AND channel = 'sms' AND ${CHARGED}`,
      )
      .get(broadcastId) as Charges;
  }

  private plannedSegments(broadcastId: number, launchedAt: string | null, settings: SettingsDto): number {
    if (launchedAt === null) return 0;
    const key = `${broadcastId}@${launchedAt}`;
    let segments = this.plannedByLaunch.get(key);
    if (segments === undefined) this.plannedByLaunch.set(key, (segments = this.countPlannedSegments(broadcastId, settings)));
    return segments;
  }

  /** Texts claimed for sending counted their segments as sent; the others are rendered as they will be. */
  private countPlannedSegments(broadcastId: number, settings: SettingsDto): number {
    const counted = this.sqlite
      .prepare(`SELECT COALESCE(SUM(segments), 0) FROM deliveries WHERE campaign_id = ? AND channel = 'sms' AND segments IS NOT NULL`)
      .pluck()
      .get(broadcastId) as number;
    const unclaimed = this.sqlite
      .prepare(
        `SELECT r.name, r.first_name AS firstName, r.last_name AS lastName, r.custom_fields AS customFields,
                s.sms_body AS body, s.sms_opt_out_line AS optOutLine
           FROM deliveries d JOIN campaign_recipients r ON r.id = d.recipient_id JOIN campaign_steps s ON s.id = d.step_id
          WHERE d.campaign_id = ? AND d.channel = 'sms' AND d.segments IS NULL`,
      )
      .iterate(broadcastId) as Iterable<Recipient & { body: string | null; optOutLine: number }>;
    const salon = { name: settings.salonName, postalAddress: settings.postalAddress };
    const cache = new Map<string, number>();
    let rendered = 0;
    for (const row of unclaimed) {
      const text = composeSms({ body: row.body ?? '', optOutLine: row.optOutLine === 1 }, tokenValues(row, salon));
      let segments = cache.get(text);
      if (segments === undefined) cache.set(text, (segments = countSmsSegments(text).segments));
      rendered += segments;
    }
    return counted + rendered;
  }
}
