import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { campaigns } from '../../../db/schema';
import { recordAudit } from '../audit/audit-log';
import { ADDRESS_COLUMN, reachableSql } from '../audience/reachability';
import { AppError, notFound } from '../errors';
import { CampaignsRepository, stepChannels } from './campaigns-repository';

/**
 * Snapshot who the broadcast goes to and queue every delivery of every step, in one transaction, so
 * the Pending count is exact from the first second and a half-done launch cannot exist.
 */
export function launchCampaign(db: Db, campaignId: number, at: Date): void {
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

      const reachableOn = channels.map(reachableSql).join(' OR ');
      const snapshot = sqlite
        .prepare(
          `INSERT INTO campaign_recipients (campaign_id, contact_id, name, phone, email)
           SELECT ?, id, name, phone, email FROM contacts WHERE ${reachableOn || '0'}`,
        )
        .run(campaignId);
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
      db.update(campaigns).set({ status: 'sending', launchedAt: now }).where(eq(campaigns.id, campaignId)).run();
      recordAudit(db, at, 'broadcast.launched', `campaign:${campaignId}`, { recipients: snapshot.changes });
    },
    { behavior: 'immediate' },
  );
}
