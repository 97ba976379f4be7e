// The deliveries table: one page of messages at a time, keyset-paginated, so the hundredth page of a
// 100,000-message broadcast costs what the first does (no OFFSET counting past the rows before).
import type Database from 'better-sqlite3';
import { CHANNELS, DELIVERY_STATUSES } from '../../../shared/dto';
import { deliveryReason } from '../../../shared/delivery-reasons';
import type { DeliveryFilter, DeliveryPageDto, DeliveryRowDto, DeliverySort } from '../../../shared/tracking';
import { invalidInput } from '../errors';
import { DELIVERY_JOINS, deliveryWhere, MESSAGE_TIME_SQL, type JoinedTable } from './delivery-filter-sql';

export interface DeliveryPageQuery {
  filter: DeliveryFilter;
  sort: DeliverySort;
  direction: 'asc' | 'desc';
  /** The `next` of the page before. */
  after?: string | undefined;
  limit: number;
}

/** `CASE column WHEN 'a' THEN 0 ...`: a list's own order, rather than the alphabet's. */
function rankSql(column: string, values: readonly string[]): string {
  return `CASE ${column} ${values.map((value, index) => `WHEN '${value}' THEN ${index}`).join(' ')} END`;
}

/** What each sort orders by, and the table it reads; ties are broken by the delivery id, which the cursor carries too. */
const SORT_KEYS: Readonly<Record<DeliverySort, { sql: string; table?: JoinedTable }>> = {
  time: { sql: MESSAGE_TIME_SQL },
  name: { sql: 'r.name COLLATE NOCASE', table: 'r' },
  // Waiting, then on its way, then how it ended: the order statuses are listed in.
  status: { sql: rankSql('d.status', DELIVERY_STATUSES) },
  channel: { sql: rankSql('d.channel', CHANNELS) },
  day: { sql: 's.day', table: 's' },
};

type SortValue = string | number;

interface Position {
  id: number;
  sortKey: SortValue;
}

/**
 * The page's ids are found first, sorting only each message's key and id; then those few rows are
 * read whole. Sorting whole rows made a page of a 100,000-message broadcast several times slower.
 */
export function deliveryPage(sqlite: Database.Database, query: DeliveryPageQuery, zone: string): DeliveryPageDto {
  const key = SORT_KEYS[query.sort];
  const { joins, where, params } = deliveryWhere(query.filter, zone, key.table ? [key.table] : []);
  const total = sqlite.prepare(`SELECT COUNT(*) FROM deliveries d ${joins} WHERE ${where}`).pluck().get(params) as number;
  const order = query.direction === 'asc' ? 'ASC' : 'DESC';
  const cursor = query.after === undefined ? undefined : readCursor(query.after);
  const past = cursor ? ` AND (${key.sql}, d.id) ${query.direction === 'asc' ? '>' : '<'} (@afterKey, @afterId)` : '';
  const positions = sqlite
    .prepare(
      `SELECT d.id, ${key.sql} AS sortKey FROM deliveries d ${joins}
        WHERE ${where}${past} ORDER BY ${key.sql} ${order}, d.id ${order} LIMIT @limit`,
    )
    .all({ ...params, ...(cursor && { afterKey: cursor[0], afterId: cursor[1] }), limit: query.limit + 1 }) as Position[];
  const page = positions.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    total,
    rows: rowsOf(sqlite, page.map((position) => position.id)),
    next: positions.length > query.limit && last ? writeCursor([last.sortKey, last.id]) : null,
  };
}

/** The messages `ids` as rows, in the order of `ids`. */
function rowsOf(sqlite: Database.Database, ids: readonly number[]): DeliveryRowDto[] {
  const rows = sqlite
    .prepare(
      `SELECT d.id, d.campaign_id AS broadcastId, c.name AS broadcastName, s.day, d.channel, r.contact_id AS contactId,
              r.name AS recipientName, d.address, d.status, d.error_code AS errorCode, d.accepted_at AS sentAt,
              d.final_at AS finalAt, d.updated_at AS updatedAt
         FROM deliveries d ${DELIVERY_JOINS}
        WHERE d.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as Array<Omit<DeliveryRowDto, 'reason'>>;
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toDto(row)] : [];
  });
}

function toDto(row: Omit<DeliveryRowDto, 'reason'>): DeliveryRowDto {
  return { ...row, reason: row.errorCode === null ? null : deliveryReason(row.channel, row.errorCode).reason };
}

function writeCursor(position: [SortValue, number]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** A cursor this module wrote; anything else is refused as invalid input, never run as SQL. */
function readCursor(cursor: string): [SortValue, number] {
  let position: unknown;
  try {
    position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    position = undefined;
  }
  if (
    Array.isArray(position) &&
    position.length === 2 &&
    (typeof position[0] === 'string' || typeof position[0] === 'number') &&
    Number.isSafeInteger(position[1])
  ) {
    return [position[0], position[1] as number];
  }
  throw invalidInput([{ path: 'after', message: 'This page of messages is out of date: start again from the first page.' }]);
}
