// "Resend to these": a new draft with a broadcast's content for the clients whose message failed for a
// reason worth trying again. Its audience is a tag put on those clients, so the owner sees who it is
// for in the audience builder and Contacts, and nothing is sent until they launch the draft.
import { DateTime } from 'luxon';
import type { AudienceFilter } from '../../../shared/audience';
import { BROADCAST_TYPES, TYPE_CHANNELS, type BroadcastType } from '../../../shared/broadcasts';
import { deliveryReason } from '../../../shared/delivery-reasons';
import type { Channel } from '../../../shared/dto';
import { foldText } from '../../../shared/text-fold';
import type { Db } from '../../../db/open';
import { reachableSql } from '../audience/reachability';
import { recordAudit } from '../audit/audit-log';
import type { CampaignsRepository } from '../campaigns/campaigns-repository';
import { byIds, type ContactsRepository } from '../contacts/contacts-repository';
import { AppError, invalidInput, notFound } from '../errors';
import { FAILED_STATUSES, statusInSql } from './delivery-counts';

const FAILED_SQL = statusInSql('d.status', FAILED_STATUSES);

/** Tags are at most 60 characters (shared/contract.ts), broadcast names 120 (shared/broadcasts.ts). */
const TAG_MAX = 60;
const NAME_MAX = 120;

export interface ResendDeps {
  db: Db;
  campaigns: CampaignsRepository;
  contacts: ContactsRepository;
  timeZone: string;
}

interface FailureGroup {
  channel: Channel;
  code: string;
}

/** Create the draft; returns its id. `code` narrows it to one failure group, which must be worth retrying. */
export function draftResend({ db, campaigns, contacts, timeZone }: ResendDeps, id: number, code: string | undefined, at: Date): number {
  return db.transaction(() => {
    const original = campaigns.find(id);
    if (!original) throw notFound('That broadcast');
    const groups = retryableGroups(db, id, code);
    const clients = clientsToResend(db, id, groups);
    if (clients.length === 0) {
      throw new AppError(
        'invalid_input',
        groups.length === 0
          ? 'Nothing to resend: no message of this broadcast failed for a reason worth trying again.'
          : 'Nothing to resend: the clients whose message failed have since opted out or can no longer get it.',
      );
    }
    const tag = freeTagName(db, `Resend: ${original.name}`, DateTime.fromJSDate(at, { zone: timeZone }).toISODate() ?? '');
    contacts.addTag(byIds(clients), tag);

    // The copy 'broadcasts.duplicate' makes (content, no send times), then its own name, type and audience.
    const copyId = campaigns.duplicate(id, at);
    const copy = copyId === undefined ? undefined : campaigns.find(copyId);
    if (copyId === undefined || !copy) throw notFound('That broadcast');
    const audience: AudienceFilter = { kind: 'group', match: 'all', conditions: [{ kind: 'tags', field: 'tags', op: 'any', value: [tag] }] };
    campaigns.saveDraft(
      copyId,
      {
        ...campaigns.draftOf(copy),
        name: shorten(original.name, NAME_MAX - ' (resend)'.length) + ' (resend)',
        type: typeFor(groups, original.type),
        audience: { segmentId: null, filter: audience },
      },
      at,
    );
    recordAudit(db, at, 'broadcast.resend_drafted', `campaign:${copyId}`, { from: id, code: code ?? null, clients: clients.length, tag });
    return copyId;
  });
}

/** The broadcast's failure groups worth retrying: every one, or the one asked for (refused when not worth it). */
function retryableGroups(db: Db, id: number, code: string | undefined): FailureGroup[] {
  const groups = db.$client
    .prepare(`SELECT DISTINCT d.channel, d.error_code AS code FROM deliveries d WHERE d.campaign_id = ? AND ${FAILED_SQL} AND d.error_code IS NOT NULL`)
    .all(id) as FailureGroup[];
  const asked = code === undefined ? groups : groups.filter((group) => group.code === code);
  const refused = asked.find((group) => !deliveryReason(group.channel, group.code).retryable);
  if (code !== undefined && refused) {
    const { reason } = deliveryReason(refused.channel, code);
    throw invalidInput([{ path: 'code', message: `“${reason}” (${code}) will fail the same way again, so it is not offered for resending.` }]);
  }
  return asked.filter((group) => deliveryReason(group.channel, group.code).retryable);
}

/** Clients with a message in one of `groups` who can still get that channel: not opted out, the number usable. */
function clientsToResend(db: Db, id: number, groups: readonly FailureGroup[]): number[] {
  if (groups.length === 0) return [];
  const ids = new Set<number>();
  for (const { channel, code } of groups) {
    const found = db.$client
      .prepare(
        `SELECT DISTINCT contacts.id FROM deliveries d JOIN campaign_recipients r ON r.id = d.recipient_id
           JOIN contacts ON contacts.id = r.contact_id
          WHERE d.campaign_id = ? AND ${FAILED_SQL} AND d.channel = ? AND d.error_code = ? AND ${reachableSql(channel)}`,
      )
      .pluck()
      .all(id, channel, code) as number[];
    for (const contactId of found) ids.add(contactId);
  }
  return [...ids];
}

/** The broadcast type sending on exactly the channels that failed, else the original's. */
function typeFor(groups: readonly FailureGroup[], original: BroadcastType): BroadcastType {
  const failed = new Set(groups.map((group) => group.channel));
  const exact = BROADCAST_TYPES.find((type) => TYPE_CHANNELS[type].length === failed.size && TYPE_CHANNELS[type].every((c) => failed.has(c)));
  return exact ?? original;
}

/**
 * "<stem> (<date>)", shortened to a tag's length, numbered "(<date>, 2)"... when a tag by that name
 * exists: a second resend the same day must not reach the first one's clients.
 */
function freeTagName(db: Db, stem: string, date: string): string {
  const taken = db.$client.prepare('SELECT 1 FROM tags WHERE name_fold = ?').pluck();
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ` (${date})` : ` (${date}, ${n})`;
    const name = `${shorten(stem, TAG_MAX - suffix.length)}${suffix}`;
    if (taken.get(foldText(name)) === undefined) return name;
  }
}

/** `text` cut to at most `max` UTF-16 units without splitting a character (an emoji, a kanji beyond the BMP). */
function shorten(text: string, max: number): string {
  let result = '';
  for (const character of text) {
    if (result.length + character.length > max) break;
    result += character;
  }
  return result.trimEnd();
}
