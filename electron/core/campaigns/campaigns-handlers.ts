import type { BroadcastAction } from '../../../shared/dto';
import { scheduleAt, type ScheduledTime } from '../../../shared/schedule';
import type { Db } from '../../../db/open';
import { recordAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import { filterContext } from '../audience/filter-context';
import { invalidInput, notFound } from '../errors';
import type { SettingsRepository } from '../settings/settings-repository';
import type { Handlers } from '../rpc/handlers';
import { CampaignsRepository } from './campaigns-repository';
import { launchCampaign } from './launch';
import { actionEffect, applyAction } from './lifecycle';

export interface CampaignHooks {
  /** A broadcast was launched, paused, resumed or cancelled: push its numbers and wake the sender. */
  changed(campaignId: number): void;
}

export function campaignsHandlers(
  db: Db,
  settings: SettingsRepository,
  clock: Clock,
  hooks: CampaignHooks,
): Pick<
  Handlers,
  | 'broadcasts.list'
  | 'broadcasts.get'
  | 'broadcasts.create'
  | 'broadcasts.launch'
  | 'broadcasts.effect'
  | 'broadcasts.pause'
  | 'broadcasts.resume'
  | 'broadcasts.cancel'
  | 'broadcasts.duplicate'
  | 'broadcasts.deliveries'
> {
  const repo = new CampaignsRepository(db);
  const getOrFail = (id: number) => {
    const broadcast = repo.get(id);
    if (!broadcast) throw notFound('That broadcast');
    return broadcast;
  };

  const act = (id: number, action: BroadcastAction) => {
    applyAction(db, id, action, clock.now());
    hooks.changed(id);
    return getOrFail(id);
  };

  return {
    'broadcasts.list': (query) => repo.list(query),
    'broadcasts.get': ({ id }) => getOrFail(id),

    'broadcasts.create': (input) => {
      const at = clock.now();
      const schedule = input.sendAt ? scheduleInFuture(input.sendAt, settings.get().timeZone, at) : null;
      const id = db.transaction(() => {
        const created = repo.createDraft(
          {
            name: input.name,
            channel: input.channel,
            body: input.body,
            subject: input.channel === 'email' ? input.subject : null,
            schedule,
          },
          at,
        );
        recordAudit(db, at, 'broadcast.created', `campaign:${created}`);
        return created;
      });
      return getOrFail(id);
    },

    'broadcasts.launch': ({ id }) => {
      launchCampaign(db, id, clock.now(), filterContext(clock.now(), settings.get().timeZone));
      hooks.changed(id);
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

    'broadcasts.deliveries': ({ id, limit, offset }) => {
      getOrFail(id);
      return repo.deliveries(id, limit, offset);
    },
  };
}

/** The send time on the salon's clock, moved out of quiet hours; a time already past is refused. */
function scheduleInFuture(local: string, zone: string, now: Date): ScheduledTime {
  let schedule: ScheduledTime;
  try {
    schedule = scheduleAt(local, zone);
  } catch {
    throw invalidInput([{ path: 'sendAt', message: 'That is not a date and time.' }]);
  }
  if (new Date(schedule.utc) <= now) throw invalidInput([{ path: 'sendAt', message: 'That time has passed. Pick a later one.' }]);
  return schedule;
}
