import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { BroadcastDto, BroadcastStatsDto, BroadcastStatus, Channel, DeliveryDto } from '../../../shared/dto';
import type { ScheduledTime } from '../../../shared/schedule';
import { containsPattern } from '../audience/like-pattern';
import type { Db } from '../../../db/open';
import { campaignSteps, campaigns } from '../../../db/schema';

type CampaignRow = typeof campaigns.$inferSelect;
export type StepRow = typeof campaignSteps.$inferSelect;

const SORT_COLUMNS = { created: campaigns.createdAt, name: sql`${campaigns.name} COLLATE NOCASE`, launched: campaigns.launchedAt };

export interface ListQuery {
  search: string;
  status?: BroadcastStatus;
  sort: keyof typeof SORT_COLUMNS;
  direction: 'asc' | 'desc';
}

export interface NewBroadcast {
  name: string;
  channel: Channel;
  subject: string | null;
  body: string;
  /** When to send; null = as soon as it is launched. */
  schedule: ScheduledTime | null;
}

const EMPTY_STATS: BroadcastStatsDto = { recipients: 0, delivered: 0, failed: 0, pending: 0, cancelled: 0 };

/** The channels a step sends on: those it has content for. */
export function stepChannels(step: StepRow): Channel[] {
  const channels: Channel[] = [];
  if (step.smsBody !== null) channels.push('sms');
  if (step.emailBody !== null) channels.push('email');
  return channels;
}

export class CampaignsRepository {
  constructor(private readonly db: Db) {}

  createDraft(input: NewBroadcast, at: Date): number {
    const campaign = this.db
      .insert(campaigns)
      .values({ name: input.name, status: 'draft', createdAt: at.toISOString(), updatedAt: at.toISOString() })
      .returning({ id: campaigns.id })
      .get();
    this.db
      .insert(campaignSteps)
      .values({
        campaignId: campaign.id,
        day: 1,
        smsBody: input.channel === 'sms' ? input.body : null,
        emailSubject: input.channel === 'email' ? input.subject : null,
        emailBody: input.channel === 'email' ? input.body : null,
        sendAtUtc: input.schedule?.utc ?? null,
        sendAtLocal: input.schedule?.local ?? null,
        timeZone: input.schedule?.zone ?? null,
        scheduleNote: input.schedule?.note ?? null,
      })
      .run();
    return campaign.id;
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
        ),
      )
      .orderBy(order(SORT_COLUMNS[query.sort]), order(campaigns.id))
      .all();
    const stats = this.statsByCampaign();
    return rows.map((row) => this.toDto(row, stats.get(row.id) ?? EMPTY_STATS));
  }

  /** A new draft with the same audience and content; schedules are left for the owner to set. */
  duplicate(id: number, at: Date): number | undefined {
    const original = this.find(id);
    if (!original) return undefined;
    const copy = this.db
      .insert(campaigns)
      .values({
        name: `${original.name} (copy)`,
        status: 'draft',
        audience: original.audience,
        segmentId: original.segmentId,
        createdAt: at.toISOString(),
        updatedAt: at.toISOString(),
      })
      .returning({ id: campaigns.id })
      .get();
    for (const { id: _id, campaignId: _campaign, sendAtUtc: _utc, sendAtLocal: _local, timeZone: _zone, scheduleNote: _note, ...content } of this.steps(id)) {
      this.db.insert(campaignSteps).values({ ...content, campaignId: copy.id }).run();
    }
    return copy.id;
  }

  stats(id: number): BroadcastStatsDto {
    return this.statsByCampaign(id).get(id) ?? EMPTY_STATS;
  }

  deliveries(id: number, limit: number, offset: number): { total: number; deliveries: DeliveryDto[] } {
    const sqlite = this.db.$client;
    const total = (
      sqlite.prepare('SELECT COUNT(*) AS n FROM deliveries WHERE campaign_id = ?').get(id) as { n: number }
    ).n;
    const deliveries = sqlite
      .prepare(
        `SELECT d.id, r.name AS recipientName, d.address, d.status, d.error_code AS errorCode,
                d.error_message AS errorMessage, d.updated_at AS updatedAt
           FROM deliveries d JOIN campaign_recipients r ON r.id = d.recipient_id
          WHERE d.campaign_id = ?
          ORDER BY r.name COLLATE NOCASE, d.id
          LIMIT ? OFFSET ?`,
      )
      .all(id, limit, offset) as DeliveryDto[];
    return { total, deliveries };
  }

  private statsByCampaign(onlyId?: number): Map<number, BroadcastStatsDto> {
    const filter = onlyId === undefined ? '' : 'WHERE campaign_id = @id';
    const sqlite = this.db.$client;
    const rows = sqlite
      .prepare(
        `SELECT campaign_id AS id,
                SUM(status = 'delivered') AS delivered,
                SUM(status IN ('failed', 'undelivered')) AS failed,
                SUM(status = 'cancelled') AS cancelled,
                SUM(status NOT IN ('delivered', 'failed', 'undelivered', 'cancelled')) AS pending
           FROM deliveries ${filter} GROUP BY campaign_id`,
      )
      .all(onlyId === undefined ? {} : { id: onlyId }) as Array<{ id: number } & Omit<BroadcastStatsDto, 'recipients'>>;
    const recipients = sqlite
      .prepare(`SELECT campaign_id AS id, COUNT(*) AS n FROM campaign_recipients ${filter} GROUP BY campaign_id`)
      .all(onlyId === undefined ? {} : { id: onlyId }) as Array<{ id: number; n: number }>;
    const byId = new Map<number, BroadcastStatsDto>();
    for (const r of recipients) byId.set(r.id, { ...EMPTY_STATS, recipients: r.n });
    for (const { id, delivered, failed, pending, cancelled } of rows) {
      byId.set(id, { recipients: byId.get(id)?.recipients ?? 0, delivered, failed, pending, cancelled });
    }
    return byId;
  }

  private toDto(row: CampaignRow, stats: BroadcastStatsDto): BroadcastDto {
    const step = this.steps(row.id)[0];
    const channel = (step && stepChannels(step)[0]) ?? 'sms';
    return {
      id: row.id,
      name: row.name,
      channel,
      status: row.status,
      subject: step?.emailSubject ?? null,
      body: (channel === 'sms' ? step?.smsBody : step?.emailBody) ?? '',
      createdAt: row.createdAt,
      launchedAt: row.launchedAt,
      completedAt: row.completedAt,
      schedule:
        step?.sendAtUtc && step.sendAtLocal && step.timeZone
          ? { utc: step.sendAtUtc, local: step.sendAtLocal, zone: step.timeZone, note: step.scheduleNote }
          : null,
      stats,
    };
  }
}
