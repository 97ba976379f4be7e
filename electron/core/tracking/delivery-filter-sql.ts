// A delivery filter (shared/tracking.ts) as SQL, over deliveries `d` with their recipient `r`, step `s`
// and broadcast `c`. Every tracking query, the delivery report and the dashboard narrow messages here,
// so a filter means the same thing on every screen and in every file.
import { DateTime } from 'luxon';
import { searchWords } from '../../../shared/search-key';
import type { DeliveryFilter } from '../../../shared/tracking';
import { holdsEverySql } from '../../../db/search-key-sql';
import { containsPattern } from '../audience/like-pattern';

const RECIPIENT_JOIN = 'JOIN campaign_recipients r ON r.id = d.recipient_id';
const STEP_JOIN = 'JOIN campaign_steps s ON s.id = d.step_id';

/**
 * Every table `deliveryWhere` may refer to, after `FROM deliveries d`: for queries that read the
 * recipient, step or broadcast's columns as well.
 */
export const DELIVERY_JOINS = `${RECIPIENT_JOIN} ${STEP_JOIN} JOIN campaigns c ON c.id = d.campaign_id`;

/**
 * A message's time, for date ranges and sorting: when the provider took it; for one never taken (refused
 * at once, skipped, cancelled), when it reached that status; for one still waiting, when it is due.
 */
export const MESSAGE_TIME_SQL = 'COALESCE(d.accepted_at, d.final_at, d.due_at)';

export interface DeliveryWhere {
  /**
   * Only the joins the condition needs, to append to `FROM deliveries d` (or use DELIVERY_JOINS
   * instead): counting by status then reads the index alone.
   */
  joins: string;
  /** A condition (never empty: 1 when the filter is empty), with @named parameters. */
  where: string;
  params: Record<string, unknown>;
  /** The UTC bounds of from/to, ISO: from's first instant, and the instant after to's last. */
  since: string | null;
  until: string | null;
}

/** Words of a search beyond these are not compared: a name has fewer. */
const MAX_WORDS = 6;
const FAMILY_GIVEN = "COALESCE(r.last_name, '') || COALESCE(r.first_name, '')";
const GIVEN_FAMILY = "COALESCE(r.first_name, '') || COALESCE(r.last_name, '')";

/** A table of DELIVERY_JOINS by its alias: the recipient `r` or the step `s`. */
export type JoinedTable = 'r' | 's';

/**
 * `filter` as SQL; `zone` is the salon's IANA time zone, in which from/to are dates. `alsoJoin` names
 * tables the caller reads besides (a sort key), so each is joined once.
 */
export function deliveryWhere(filter: DeliveryFilter, zone: string, alsoJoin: readonly JoinedTable[] = []): DeliveryWhere {
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.broadcastId !== undefined) {
    conditions.push('d.campaign_id = @broadcastId');
    params.broadcastId = filter.broadcastId;
  }
  if (filter.automationId !== undefined) {
    conditions.push('d.campaign_id IN (SELECT id FROM campaigns WHERE automation_id = @automationId)');
    params.automationId = filter.automationId;
  }
  const since = filter.from === undefined ? null : startOfSalonDay(filter.from, zone);
  const until = filter.to === undefined ? null : startOfSalonDay(filter.to, zone, 1);
  if (since !== null) {
    conditions.push(`${MESSAGE_TIME_SQL} >= @since`);
    params.since = since;
  }
  if (until !== null) {
    conditions.push(`${MESSAGE_TIME_SQL} < @until`);
    params.until = until;
  }
  if (filter.day !== undefined) {
    conditions.push('s.day = @day');
    params.day = filter.day;
  }
  if (filter.channel !== undefined) {
    conditions.push('d.channel = @channel');
    params.channel = filter.channel;
  }
  if (filter.statuses !== undefined) {
    const names = filter.statuses.map((status, index) => {
      params[`status${index}`] = status;
      return `@status${index}`;
    });
    conditions.push(`d.status IN (${names.join(', ')})`);
  }
  if (filter.reason !== undefined) {
    conditions.push('d.error_code = @reason');
    params.reason = filter.reason;
  }
  const search = filter.search ? searchSql(filter.search) : undefined;
  if (search) {
    // Each recipient is compared once, not once per message: a client has a message per day and channel.
    const ofBroadcast = filter.broadcastId === undefined ? '' : 'r.campaign_id = @broadcastId AND ';
    conditions.push(`d.recipient_id IN (SELECT r.id FROM campaign_recipients r WHERE ${ofBroadcast}${search.sql})`);
    Object.assign(params, search.params);
  }
  const joinRecipient = alsoJoin.includes('r');
  const joinStep = filter.day !== undefined || alsoJoin.includes('s');
  const joins = [joinRecipient ? RECIPIENT_JOIN : '', joinStep ? STEP_JOIN : ''].filter(Boolean).join(' ');
  return { joins, where: conditions.length > 0 ? conditions.join(' AND ') : '1', params, since, until };
}

/**
 * The contacts search's rule (electron/core/contacts/contacts-repository.ts `matching`) on the
 * recipient as they were at launch: a name holding every word, without regard to case, accents or
 * spaces, in either name order; or a phone or email holding the search; or a phone holding its digits.
 */
function searchSql(search: string): { sql: string; params: Record<string, string> } | undefined {
  const words = searchWords(search).slice(0, MAX_WORDS);
  if (words.length === 0) return undefined;
  const joined = [containsPattern(words.join(''))];
  const terms = [
    holdsEverySql('r.name', words.map(containsPattern)),
    holdsEverySql(FAMILY_GIVEN, joined),
    holdsEverySql(GIVEN_FAMILY, joined),
    holdsEverySql("COALESCE(r.phone, '')", joined),
    holdsEverySql("COALESCE(r.email, '')", joined),
  ];
  const digits = search.replace(/\D/g, '');
  if (digits.length >= 3) terms.push({ sql: `r.phone LIKE ? ESCAPE '\\'`, params: [containsPattern(digits)] });
  return named(
    `(${terms.map((term) => term.sql).join(' OR ')})`,
    terms.flatMap((term) => term.params),
    'search',
  );
}

/** `sql` with its `?` placeholders (none inside literals) renamed @<prefix>0, @<prefix>1... */
function named(sql: string, values: readonly string[], prefix: string): { sql: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  let index = 0;
  const renamed = sql.replace(/\?/g, () => {
    const name = `${prefix}${index}`;
    params[name] = values[index] ?? '';
    index += 1;
    return `@${name}`;
  });
  return { sql: renamed, params };
}

/** The UTC instant, ISO, at which the salon's day `isoDate` (plus `days`) begins. */
export function startOfSalonDay(isoDate: string, zone: string, days = 0): string {
  return DateTime.fromISO(isoDate, { zone }).plus({ days }).startOf('day').toUTC().toJSDate().toISOString();
}
