import { asc, desc, eq } from 'drizzle-orm';
import type { BroadcastDto, BroadcastStatsDto, Channel, DeliveryDto } from '../../../shared/dto';
import type { Db } from '../../../db/open';
import { campaignSteps, campaigns } from '../../../db/schema';

type CampaignRow = typeof campaigns.$inferSelect;
export type StepRow = typeof campaignSteps.$inferSelect;

export interface NewBroadcast {
  name: string;
  channel: Channel;
  subject: string | null;
  body: string;
}

const EMPTY_STATS: BroadcastStatsDto = { recipients: 0, delivered: 0, failed: 0, pending: 0 };

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
      .values({ name: input.name, status: 'draft', createdAt: at.toISOString() })
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

  list(): BroadcastDto[] {
    const rows = this.db.select().from(campaigns).orderBy(desc(campaigns.createdAt), desc(campaigns.id)).all();
    const stats = this.statsByCampaign();
    return rows.map((row) => this.toDto(row, stats.get(row.id) ?? EMPTY_STATS));
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
                SUM(status NOT IN ('delivered', 'failed', 'undelivered')) AS pending
           FROM deliveries ${filter} GROUP BY campaign_id`,
      )
      .all(onlyId === undefined ? {} : { id: onlyId }) as Array<{ id: number } & Omit<BroadcastStatsDto, 'recipients'>>;
    const recipients = sqlite
      .prepare(`SELECT campaign_id AS id, COUNT(*) AS n FROM campaign_recipients ${filter} GROUP BY campaign_id`)
      .all(onlyId === undefined ? {} : { id: onlyId }) as Array<{ id: number; n: number }>;
    const byId = new Map<number, BroadcastStatsDto>();
    for (const r of recipients) byId.set(r.id, { ...EMPTY_STATS, recipients: r.n });
    for (const { id, delivered, failed, pending } of rows) {
      byId.set(id, { recipients: byId.get(id)?.recipients ?? 0, delivered, failed, pending });
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
      stats,
    };
  }
}
