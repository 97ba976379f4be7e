import { randomUUID } from 'node:crypto';
import type { BroadcastAction, Channel } from '../../../shared/dto';
import type { Db } from '../../../db/open';
import { recordAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { ContactsRepository } from '../contacts/contacts-repository';
import { composeMessage, type SalonIdentity } from '../delivery/compose-message';
import { AppError, invalidInput, notFound } from '../errors';
import type { Outbox } from '../delivery/outbox';
import type { Provider } from '../providers/provider';
import type { Handlers } from '../rpc/handlers';
import type { SettingsRepository } from '../settings/settings-repository';
import { CampaignsRepository } from './campaigns-repository';
import { launchCampaign, returnToDraft } from './launch';
import { actionEffect, applyAction } from './lifecycle';
import { previewMessage, previewRecipient } from './preview';
import { onDay, stepTokenIssues } from './step-content';
import { reviewBroadcast } from './review';

export interface CampaignDeps {
  db: Db;
  settings: SettingsRepository;
  contacts: ContactsRepository;
  clock: Clock;
  /** Where a test send goes out: the provider that carries this channel now. */
  providerFor(channel: Channel): Provider;
  outbox: Outbox;
  /** A broadcast was launched, paused, resumed or cancelled: push its numbers and wake the sender. */
  changed(campaignId: number): void;
}

type CampaignMethods = Extract<keyof Handlers, `broadcasts.${string}`>;

export function campaignsHandlers({ db, settings, contacts, clock, providerFor, outbox, changed }: CampaignDeps): Pick<Handlers, CampaignMethods> {
  const repo = new CampaignsRepository(db, clock);
  const getOrFail = (id: number) => {
    const broadcast = repo.get(id);
    if (!broadcast) throw notFound('That broadcast');
    return broadcast;
  };
  const draftOrFail = (id: number) => {
    const row = repo.find(id);
    if (!row) throw notFound('That broadcast');
    return row;
  };
  const salon = (): SalonIdentity => {
    const { salonName, postalAddress } = settings.get();
    return { name: salonName, postalAddress };
  };

  const releaseMissed = (id: number, day: number, decision: 'send' | 'skip') => {
    const step = repo.stepOfDay(id, day);
    if (!step) throw notFound(`Day ${day} of that broadcast`);
    const at = clock.now();
    const released = db.transaction(() => {
      if (!outbox.releaseMissedStep(step.id, decision, at)) return false;
      recordAudit(db, at, decision === 'send' ? 'broadcast.missed_sent' : 'broadcast.missed_skipped', `campaign:${id}`, { day });
      return true;
    });
    if (!released) throw new AppError('conflict', `Day ${day} is not waiting for a decision.`);
    changed(id);
    return getOrFail(id);
  };

  const act = (id: number, action: BroadcastAction) => {
    applyAction(db, id, action, clock.now());
    changed(id);
    return getOrFail(id);
  };

  return {
    'broadcasts.list': (query) => repo.list(query),
    'broadcasts.get': ({ id }) => getOrFail(id),

    'broadcasts.saveDraft': ({ id, draft }) => {
      const at = clock.now();
      const saved = db.transaction(() => {
        if (id !== undefined && draftOrFail(id).status !== 'draft') {
          throw new AppError('conflict', 'This broadcast has been launched, so it can no longer be changed.');
        }
        const savedId = repo.saveDraft(id, draft, at);
        if (id === undefined) recordAudit(db, at, 'broadcast.created', `campaign:${savedId}`);
        return savedId;
      });
      return getOrFail(saved);
    },

    'broadcasts.deleteDraft': ({ id }) =>
      db.transaction(() => {
        if (draftOrFail(id).status !== 'draft') throw new AppError('conflict', 'Only a draft can be deleted; a launched broadcast stays on record.');
        repo.delete(id);
        recordAudit(db, clock.now(), 'broadcast.draft_deleted', `campaign:${id}`);
        return { id };
      }),

    'broadcasts.review': ({ id }) =>
      reviewBroadcast(db.$client, {
        draft: repo.draftOf(draftOrFail(id)),
        settings: settings.get(),
        customFields: contacts.customFieldKeys(),
        now: clock.now(),
      }),

    'broadcasts.preview': ({ type, step, audience, contactId }) =>
      previewMessage(db, { type, step, audience, contactId, settings: settings.get(), customFields: contacts.customFieldKeys(), now: clock.now() }),

    'broadcasts.testSend': async ({ id, day, channel, contactId }) => {
      const row = draftOrFail(id);
      const step = repo.draftOf(row).steps[day - 1];
      if (!step) throw notFound(`Day ${day}`);
      const current = settings.get();
      if (channel === 'push') {
        throw invalidInput([{ path: 'channel', message: 'Push notifications go to browsers that subscribed on your website; use the preview to check one.' }]);
      }
      const tokenProblems = onDay(stepTokenIssues(step, [channel], contacts.customFieldKeys()), day - 1);
      if (tokenProblems.length > 0) throw invalidInput(tokenProblems);
      const to = channel === 'sms' ? current.ownerPhone : current.ownerEmail;
      if (!to) {
        throw invalidInput([{ path: 'channel', message: `Add your own ${channel === 'sms' ? 'mobile number' : 'email'} in Settings first: test sends go there.` }]);
      }
      const recipient = previewRecipient(db, contactId);
      const { url: _url, ...message } = composeMessage(channel, step, recipient, salon());
      const outcome = await providerFor(channel).send({
        key: `test-${randomUUID()}`,
        channel,
        to,
        ...message,
        subject: message.subject === null ? null : `[Test] ${message.subject}`,
      });
      recordAudit(db, clock.now(), 'broadcast.test_sent', `campaign:${id}`, { day, channel, outcome: outcome.kind });
      if (outcome.kind !== 'accepted') {
        throw new AppError('conflict', `The test was not sent. ${'message' in outcome ? outcome.message : 'The provider refused it.'}`);
      }
      return { to, message: `Test ${channel === 'sms' ? 'text' : 'email'} for Day ${day} sent to ${to}.` };
    },

    'broadcasts.launch': ({ id }) => {
      launchCampaign(db, id, { settings: settings.get(), customFields: contacts.customFieldKeys(), now: clock.now() });
      changed(id);
      return getOrFail(id);
    },

    'broadcasts.edit': ({ id }) => {
      returnToDraft(db, id, clock.now());
      changed(id);
      return getOrFail(id);
    },

    'broadcasts.effect': ({ id, action }) => actionEffect(db, id, action),
    'broadcasts.pause': ({ id }) => act(id, 'pause'),
    'broadcasts.resume': ({ id }) => act(id, 'resume'),
    'broadcasts.cancel': ({ id }) => act(id, 'cancel'),

    'broadcasts.duplicate': ({ id }) => {
      const copy = db.transaction(() => {
        const at = clock.now();
        const copyId = repo.duplicate(id, at);
        if (copyId === undefined) throw notFound('That broadcast');
        recordAudit(db, at, 'broadcast.duplicated', `campaign:${copyId}`, { from: id });
        return copyId;
      });
      return getOrFail(copy);
    },

    'broadcasts.deliveries': ({ id, limit, offset, status }) => {
      getOrFail(id);
      return repo.deliveries(id, limit, offset, status);
    },

    'broadcasts.resendUnknown': ({ deliveryId }) => {
      const campaignId = db.$client.prepare(`SELECT campaign_id FROM deliveries WHERE id = ?`).pluck().get(deliveryId) as number | undefined;
      if (campaignId === undefined) throw notFound('That message');
      const at = clock.now();
      const resent = db.transaction(() => {
        if (!outbox.resendUnknown(deliveryId, at)) return false;
        recordAudit(db, at, 'delivery.resent', `delivery:${deliveryId}`);
        return true;
      });
      if (!resent) throw new AppError('conflict', 'Only a message whose fate is unknown can be sent again.');
      changed(campaignId);
      return getOrFail(campaignId);
    },

    'broadcasts.sendMissed': ({ id, day }) => releaseMissed(id, day, 'send'),
    'broadcasts.skipMissed': ({ id, day }) => releaseMissed(id, day, 'skip'),
  };
}
