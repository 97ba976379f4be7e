import { eq } from 'drizzle-orm';
import type { SettingsDto } from '../../../shared/dto';
import type { Db } from '../../../db/open';
import { campaignSteps, campaigns } from '../../../db/schema';
import { recordAudit } from '../audit/audit-log';
import { reachableSql } from '../audience/reachability';
import { compileFilter } from '../audience/compile-filter';
import { filterContext } from '../audience/filter-context';
import { AppError, invalidInput, notFound } from '../errors';
import { CampaignsRepository, deliveryChannels } from './campaigns-repository';
import { isEditable } from './editable';
import { queueStepDeliveries, snapshotRecipients } from './queue-deliveries';
import { reviewBroadcast } from './review';

export interface LaunchContext {
  settings: SettingsDto;
  customFields: readonly string[];
  now: Date;
}

/**
 * Check the draft as the review does, fix each step's time, snapshot who the broadcast goes to and
 * queue every delivery of every step, all in one transaction: Pending is exact from the first second,
 * and a half-done launch cannot exist.
 */
export function launchCampaign(db: Db, campaignId: number, { settings, customFields, now }: LaunchContext): void {
  const repo = new CampaignsRepository(db, { now: () => now });
  const sqlite = db.$client;
  db.transaction(
    () => {
      const campaign = repo.find(campaignId);
      if (!campaign) throw notFound('That broadcast');
      if (campaign.status !== 'draft') {
        throw new AppError('conflict', 'This broadcast has already been launched; it cannot be sent twice.');
      }
      const draft = repo.draftOf(campaign);
      const review = reviewBroadcast(sqlite, { draft, settings, customFields, now, withCosts: settings.budgetCap !== null });
      if (review.problems.length > 0) throw invalidInput(review.problems);
      if (review.overBudget) {
        throw new AppError(
          'conflict',
          `This broadcast would cost about ${review.totalCost.toFixed(2)} ${review.currency}, above your budget cap of ${review.budgetCap?.toFixed(2)} ${review.currency}. Send to fewer clients, shorten the texts or raise the cap in Settings.`,
        );
      }
      const at = now.toISOString();
      const channels = deliveryChannels(draft.type);
      const audience = compileFilter(draft.audience.filter, filterContext(now, settings.timeZone));
      const recipients = snapshotRecipients(sqlite, campaignId, `(${channels.map(reachableSql).join(' OR ') || '0'}) AND (${audience.sql})`, audience.params);

      repo.steps(campaignId).forEach((step, index) => {
        const schedule = review.steps[index]?.schedule ?? null;
        db.update(campaignSteps)
          .set({ sendAtUtc: schedule?.utc ?? null, sendAtLocal: schedule?.local ?? null, timeZone: schedule?.zone ?? null, scheduleNote: schedule?.note ?? null })
          .where(eq(campaignSteps.id, step.id))
          .run();
        queueStepDeliveries(sqlite, { campaignId, stepId: step.id, channels, dueAt: schedule?.utc ?? at, at, afterRecipientId: 0 });
      });
      // A broadcast whose first step is later waits as scheduled; the scheduler starts it when due.
      const status = review.steps[0]?.schedule ? 'scheduled' : 'sending';
      db.update(campaigns).set({ status, launchedAt: at, updatedAt: at }).where(eq(campaigns.id, campaignId)).run();
      recordAudit(db, now, 'broadcast.launched', `campaign:${campaignId}`, {
        recipients,
        ...(settings.budgetCap !== null && { estimatedCost: review.totalCost }),
      });
    },
    { behavior: 'immediate' },
  );
}

/**
 * Take a scheduled broadcast back to a draft so the owner can change it: allowed only while nothing
 * of it has gone out. Its snapshot and queued messages go; launching again takes a fresh snapshot.
 */
export function returnToDraft(db: Db, campaignId: number, now: Date): void {
  const sqlite = db.$client;
  db.transaction(
    () => {
      const campaign = new CampaignsRepository(db, { now: () => now }).find(campaignId);
      if (!campaign) throw notFound('That broadcast');
      if (!isEditable(sqlite, campaign, now)) {
        throw new AppError('conflict', 'Only a scheduled broadcast whose first step has not gone out yet can be edited.');
      }
      sqlite.prepare('DELETE FROM deliveries WHERE campaign_id = ?').run(campaignId);
      sqlite.prepare('DELETE FROM campaign_recipients WHERE campaign_id = ?').run(campaignId);
      db.update(campaignSteps)
        .set({ sendAtUtc: null, sendAtLocal: null, timeZone: null, scheduleNote: null })
        .where(eq(campaignSteps.campaignId, campaignId))
        .run();
      db.update(campaigns).set({ status: 'draft', launchedAt: null, updatedAt: now.toISOString() }).where(eq(campaigns.id, campaignId)).run();
      recordAudit(db, now, 'broadcast.reopened', `campaign:${campaignId}`);
    },
    { behavior: 'immediate' },
  );
}
