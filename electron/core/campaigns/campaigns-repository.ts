import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { EVERYONE, type AudienceFilter } from '../../../shared/audience';
import { TYPE_CHANNELS, type BroadcastDraft, type BroadcastType, type StepDraft, type StepDto } from '../../../shared/broadcasts';
import {
  CHANNELS,
  FINAL_DELIVERY_STATUSES,
  type BroadcastDto,
  type BroadcastStatsDto,
  type BroadcastStatus,
  type Channel,
  type DeliveryDto,
  type DeliveryStatus,
} from '../../../shared/dto';
import { containsPattern } from '../audience/like-pattern';
import { FAILED_STATUSES, PENDING_STATUSES, SENT_STATUSES, statusInSql, TRIED_STATUSES } from '../tracking/delivery-counts';
import { SANDBOX_PROVIDER_ID } from '../providers/sandbox/sandbox-provider';
import type { Db } from '../../../db/open';
import type { Clock } from '../clock';
import { isEditable } from './editable';
import { campaignSteps, campaigns } from '../../../db/schema';

type CampaignRow = typeof campaigns.$inferSelect;
export type StepRow = typeof campaignSteps.$inferSelect;

const SORT_COLUMNS = { created: campaigns.createdAt, name: sql`${campaigns.name} COLLATE NOCASE`, launched: campaigns.launchedAt };

export interface ListQuery {
  search: string;
  status?: BroadcastStatus;
  sort: keyof typeof SORT_COLUMNS;
  direction: 'asc' | 'desc';
  /** One automation's runs; without it, only the owner's own broadcasts. */
  automationId?: number;
}

/** Messages a provider charges for: refused, skipped or cancelled ones cost nothing. */
export const CHARGED = `status IN ('sending', 'accepted', 'sent', 'delivered', 'undelivered', 'no_report', 'unknown')`;
/** Messages whose fate may still change. */
export const PENDING = `status NOT IN (${FINAL_DELIVERY_STATUSES.map((status) => `'${status}'`).join(', ')})`;

const EMPTY_STATS: BroadcastStatsDto = {
  recipients: 0,
  sent: 0,
  delivered: 0,
  failed: 0,
  pending: 0,
  tried: 0,
  cancelled: 0,
  skipped: 0,
  unknown: 0,
  noReport: 0,
  cost: 0,
  practiceCost: 0,
};

/** The channels a broadcast of this type creates deliveries on. */
export function deliveryChannels(type: BroadcastType): Channel[] {
  return CHANNELS.filter((channel) => TYPE_CHANNELS[type].includes(channel));
}

/** A step's draft content as stored: every channel's fields are kept, so switching type loses nothing. */
function stepValues(step: StepDraft, day: number) {
  return {
    day,
    sendAtAsked: step.sendAt,
    smsBody: step.sms.body,
    smsOptOutLine: step.sms.optOutLine,
    emailSubject: step.email.subject,
    emailBody: step.email.body,
    pushTitle: step.push.title,
    pushBody: step.push.body,
    pushUrl: step.push.url,
  };
}

export function stepDraftOf(row: StepRow): StepDraft {
  return {
    sms: { body: row.smsBody ?? '', optOutLine: row.smsOptOutLine },
    email: { subject: row.emailSubject ?? '', body: row.emailBody ?? '' },
    push: { title: row.pushTitle ?? '', body: row.pushBody ?? '', url: row.pushUrl ?? '' },
    sendAt: row.sendAtAsked,
  };
}

export class CampaignsRepository {
  /** `clock` tells whether a broadcast can still be edited (BroadcastDto.canEdit). */
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Create a draft, or replace a draft's content and steps. Call inside a transaction. */
  saveDraft(id: number | undefined, draft: BroadcastDraft, at: Date): number {
    const values = {
      name: draft.name,
      type: draft.type,
      audience: JSON.stringify(draft.audience.filter),
      segmentId: draft.audience.segmentId,
      updatedAt: at.toISOString(),
    };
    const campaignId =
      id ??
      this.db
        .insert(campaigns)
        .values({ ...values, status: 'draft', createdAt: at.toISOString() })
        .returning({ id: campaigns.id })
        .get().id;
    if (id !== undefined) {
      this.db.update(campaigns).set(values).where(eq(campaigns.id, id)).run();
      this.db.delete(campaignSteps).where(eq(campaignSteps.campaignId, id)).run();
    }
    draft.steps.forEach((step, index) => {
      this.db.insert(campaignSteps).values({ campaignId, ...stepValues(step, index + 1) }).run();
    });
    return campaignId;
  }

  draftOf(row: CampaignRow): BroadcastDraft {
    return {
      name: row.name,
      type: row.type,
      audience: { segmentId: row.segmentId, filter: row.audience ? (JSON.parse(row.audience) as AudienceFilter) : EVERYONE },
      steps: this.steps(row.id).map(stepDraftOf),
    };
  }

  delete(id: number): void {
    this.db.delete(campaigns).where(eq(campaigns.id, id)).run();
  }

  find(id: number): CampaignRow | undefined {
    return this.db.select().from(campaigns).where(eq(campaigns.id, id)).get();
  }

  steps(campaignId: number): StepRow[] {
    return this.db
      .select()
      .from(campaignSteps)
      .where(eq(campaignSteps.campaignId, campaignId))
      .orderBy(asc(campaignSteps.day))
      .all();
  }

  get(id: number): BroadcastDto | undefined {
    const row = this.find(id);
    return row && this.toDto(row, this.stats(id));
  }

  list(query: ListQuery): BroadcastDto[] {
    const order = query.direction === 'asc' ? asc : desc;
    const rows = this.db
      .select()
      .from(campaigns)
      .where(
        and(
          query.search ? sql`${campaigns.name} LIKE ${containsPattern(query.search)} ESCAPE '\\'` : undefined,
          query.status ? eq(campaigns.status, query.status) : undefined,
          query.automationId === undefined ? isNull(campaigns.automationId) : eq(campaigns.automationId, query.automationId),
        ),
      )
      .orderBy(order(SORT_COLUMNS[query.sort]), order(campaigns.id))
      .all();
    const stats = this.statsByCampaign();
    return rows.map((row) => this.toDto(row, stats.get(row.id) ?? EMPTY_STATS));
  }

  /** A new draft with the same type, audience and content; send times are left for the owner to set. */
  duplicate(id: number, at: Date): number | undefined {
    const original = this.find(id);
    if (!original) return undefined;
    const copy = this.db
      .insert(campaigns)
      .values({
        name: `${original.name} (copy)`,
        status: 'draft',
        type: original.type,
        audience: original.audience,
        segmentId: original.segmentId,
        createdAt: at.toISOString(),
        updatedAt: at.toISOString(),
      })
      .returning({ id: campaigns.id })
      .get();
    for (const step of this.steps(id)) {
      this.db.insert(campaignSteps).values({ campaignId: copy.id, ...stepValues({ ...stepDraftOf(step), sendAt: null }, step.day) }).run();
    }
    return copy.id;
  }

  stats(id: number): BroadcastStatsDto {
    return this.statsByCampaign(id).get(id) ?? EMPTY_STATS;
  }

  deliveries(id: number, limit: number, offset: number, status?: DeliveryStatus): { total: number; deliveries: DeliveryDto[] } {
    const sqlite = this.db.$client;
    const where = `d.campaign_id = @id${status ? ' AND d.status = @status' : ''}`;
    const params = { id, status, limit, offset };
    const total = sqlite.prepare(`SELECT COUNT(*) FROM deliveries d WHERE ${where}`).pluck().get(params) as number;
    const deliveries = sqlite
      .prepare(
        `SELECT d.id, s.day, d.channel, r.name AS recipientName, d.address, d.status, d.error_code AS errorCode,
                d.error_message AS errorMessage, d.updated_at AS updatedAt
           FROM deliveries d JOIN campaign_recipients r ON r.id = d.recipient_id JOIN campaign_steps s ON s.id = d.step_id
          WHERE ${where}
          ORDER BY r.name COLLATE NOCASE, d.id
          LIMIT @limit OFFSET @offset`,
      )
      .all(params) as DeliveryDto[];
    return { total, deliveries };
  }

  /** The step of a broadcast by its day number. */
  stepOfDay(id: number, day: number): StepRow | undefined {
    return this.steps(id).find((step) => step.day === day);
  }

  private statsByCampaign(onlyId?: number): Map<number, BroadcastStatsDto> {
    const filter = onlyId === undefined ? '' : 'WHERE campaign_id = @id';
    const sqlite = this.db.$client;
    const rows = sqlite
      .prepare(
        `SELECT campaign_id AS id,
                SUM(${statusInSql('status', SENT_STATUSES)}) AS sent,
                SUM(status = 'delivered') AS delivered,
                SUM(${statusInSql('status', FAILED_STATUSES)}) AS failed,
                SUM(status = 'cancelled') AS cancelled,
                SUM(status = 'skipped') AS skipped,
                SUM(status = 'unknown') AS unknown,
                SUM(status = 'no_report') AS noReport,
                SUM(${statusInSql('status', PENDING_STATUSES)}) AS pending,
                SUM(${statusInSql('status', TRIED_STATUSES)}) AS tried,
                COALESCE(SUM(COALESCE(price, cost_estimate)) FILTER (WHERE ${CHARGED} AND provider IS NOT '${SANDBOX_PROVIDER_ID}'), 0) AS cost,
                COALESCE(SUM(cost_estimate) FILTER (WHERE ${CHARGED} AND provider = '${SANDBOX_PROVIDER_ID}'), 0) AS practiceCost
           FROM deliveries ${filter} GROUP BY campaign_id`,
      )
      .all(onlyId === undefined ? {} : { id: onlyId }) as Array<{ id: number } & Omit<BroadcastStatsDto, 'recipients'>>;
    const recipients = sqlite
      .prepare(`SELECT campaign_id AS id, COUNT(*) AS n FROM campaign_recipients ${filter} GROUP BY campaign_id`)
      .all(onlyId === undefined ? {} : { id: onlyId }) as Array<{ id: number; n: number }>;
    const byId = new Map<number, BroadcastStatsDto>();
    for (const r of recipients) byId.set(r.id, { ...EMPTY_STATS, recipients: r.n });
    for (const { id, ...counts } of rows) byId.set(id, { ...counts, recipients: byId.get(id)?.recipients ?? 0 });
    return byId;
  }

  private toDto(row: CampaignRow, stats: BroadcastStatsDto): BroadcastDto {
    const { name, type, audience } = this.draftOf(row);
    return {
      id: row.id,
      name,
      type,
      status: row.status,
      audience,
      steps: this.steps(row.id).map(stepDto),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt ?? row.createdAt,
      launchedAt: row.launchedAt,
      completedAt: row.completedAt,
      pausedReason: row.status === 'paused' ? (row.pausedReason ?? 'owner') : null,
      canEdit: isEditable(this.db.$client, row, this.clock.now()),
      automationId: row.automationId,
      stats,
    };
  }
}

function stepDto(row: StepRow): StepDto {
  return {
    ...stepDraftOf(row),
    day: row.day,
    schedule:
      row.sendAtUtc && row.sendAtLocal && row.timeZone
        ? { utc: row.sendAtUtc, local: row.sendAtLocal, zone: row.timeZone, note: row.scheduleNote }
        : null,
    startedAt: row.startedAt,
    missedAt: row.missedAt,
  };
}
