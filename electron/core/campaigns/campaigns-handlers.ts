import type { Db } from '../../../db/open';
import { recordAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import { notFound } from '../errors';
import type { Handlers } from '../rpc/handlers';
import { CampaignsRepository } from './campaigns-repository';
import { launchCampaign } from './launch';

export interface CampaignHooks {
  /** A broadcast was launched: push its numbers and wake the sender. */
  launched(campaignId: number): void;
}

export function campaignsHandlers(
  db: Db,
  clock: Clock,
  hooks: CampaignHooks,
): Pick<Handlers, 'broadcasts.list' | 'broadcasts.get' | 'broadcasts.create' | 'broadcasts.launch' | 'broadcasts.deliveries'> {
  const repo = new CampaignsRepository(db);
  const getOrFail = (id: number) => {
    const broadcast = repo.get(id);
    if (!broadcast) throw notFound('That broadcast');
    return broadcast;
  };

  return {
    'broadcasts.list': () => repo.list(),
    'broadcasts.get': ({ id }) => getOrFail(id),

    'broadcasts.create': (input) => {
      const id = db.transaction(() => {
        const at = clock.now();
        const created = repo.createDraft(
          { name: input.name, channel: input.channel, body: input.body, subject: input.channel === 'email' ? input.subject : null },
          at,
        );
        recordAudit(db, at, 'broadcast.created', `campaign:${created}`);
        return created;
      });
      return getOrFail(id);
    },

    'broadcasts.launch': ({ id }) => {
      launchCampaign(db, id, clock.now());
      hooks.launched(id);
      return getOrFail(id);
    },

    'broadcasts.deliveries': ({ id, limit, offset }) => {
      getOrFail(id);
      return repo.deliveries(id, limit, offset);
    },
  };
}
