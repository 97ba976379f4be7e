import { eq } from 'drizzle-orm';
import { EVERYONE, type AudienceFilter } from '../../../shared/audience';
import type { Db } from '../../../db/open';
import { campaigns } from '../../../db/schema';
import { recordAudit } from '../audit/audit-log';
import { ADDRESS_COLUMN, reachableSql } from '../audience/reachability';
import { compileFilter } from '../audience/compile-filter';
import type { FilterContext } from '../audience/filter-context';
import { AppError, notFound } from '../errors';
import { CampaignsRepository, stepChannels } from './campaigns-repository';

/**
 * Snapshot who the broadcast goes to and queue every delivery of every step, in one transaction, so
 * the Pending count is exact from the first second and a half-done launch cannot exist.
 */
export function launchCampaign(db: Db, campaignId: number, at: Date, context: FilterContext): void {
  const repo = new CampaignsRepository(db);
  db.transaction(
    () => {
      const campaign = repo.find(campaignId);
      if (!campaign) throw notFound('That broadcast');
      if (campaign.status !== 'draft') {
        throw new AppError('conflict', 'This broadcast has already been sent; it cannot be sent twice.');
      }
      const steps = repo.steps(campaignId);
      const channels = [...new Set(steps.flatMap(stepChannels))];
      const now = at.toISOString();
      const sqlite = db.$client;

      const reachableOn = channels.map(reachableSql).join(' OR ') || '0';
      const audience = compileFilter(campaign.audience ? (JSON.parse(campaign.audience) as AudienceFilter) : EVERYONE, context);
      // The snapshot keeps what personalisation needs, so later edits of a contact change no message.
      const snapshot = sqlite
        .prepare(
          `INSERT INTO campaign_recipients (campaign_id, contact_id, name, first_name, last_name, phone, email, custom_fields)
           SELECT ?, id, name, first_name, last_name, phone, email, custom_fields FROM contacts
            WHERE (${reachableOn}) AND (${audience.sql})`,
        )
        .run(campaignId, ...audience.params);
      if (snapshot.changes === 0) {
        throw new AppError(
          'conflict',
          'None of your clients can be reached on this channel yet: they need an address and their consent.',
        );
      }

      for (const step of steps) {
        const dueAt = step.sendAtUtc ?? now;
        for (const channel of stepChannels(step)) {
          const column = ADDRESS_COLUMN[channel];
          sqlite
            .prepare(
              `INSERT INTO deliveries (campaign_id, step_id, recipient_id, channel, address, status, due_at, updated_at)
               SELECT r.campaign_id, ?, r.id, ?, r.${column}, 'queued', ?, ? FROM campaign_recipients r
                 JOIN contacts ON contacts.id = r.contact_id
                WHERE r.campaign_id = ? AND ${reachableSql(channel)}`,
            )
            .run(step.id, channel, dueAt, now, campaignId);
        }
      }
      sqlite
        .prepare(
          `INSERT INTO delivery_events (delivery_id, from_status, to_status, at)
           SELECT id, NULL, 'queued', ? FROM deliveries WHERE campaign_id = ?`,
        )
        .run(now, campaignId);
      // A broadcast whose first step is later waits as scheduled; the scheduler starts it when due.
      const firstDue = steps.map((step) => step.sendAtUtc ?? now).sort()[0] ?? now;
      const status = firstDue > now ? 'scheduled' : 'sending';
      db.update(campaigns).set({ status, launchedAt: now, updatedAt: now }).where(eq(campaigns.id, campaignId)).run();
      recordAudit(db, at, 'broadcast.launched', `campaign:${campaignId}`, { recipients: snapshot.changes });
    },
    { behavior: 'immediate' },
  );
}
