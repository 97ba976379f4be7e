// The delivery report CSV: every message matching a filter, streamed from the database to the export
// file a row at a time, with the totals counted by the one definition the screens use
// (tracking/delivery-counts.ts), read in the same snapshot so the file's rows and totals agree.
import type Database from 'better-sqlite3';
import type { DeliveryCountsDto, DeliveryFilter, ReportSeparator } from '../../../shared/tracking';
import type { ExportStore } from '../exports/export-store';
import { countDeliveries, deliveryFollowUps } from '../tracking/delivery-counts';
import { DELIVERY_JOINS, deliveryWhere } from '../tracking/delivery-filter-sql';
import { reportHeader, reportRecords, type ReportRow } from './delivery-report-columns';

export interface DeliveryReportRequest {
  /** A connection of the report's own: the rows are read across awaits, and no other query may run on it meanwhile. */
  sqlite: Database.Database;
  filter: DeliveryFilter;
  separator: ReportSeparator;
  zone: string;
  currency: string;
}

export async function writeDeliveryReport(
  exports: ExportStore,
  { sqlite, filter, separator, zone, currency }: DeliveryReportRequest,
): Promise<{ fileId: string; rows: number; totals: DeliveryCountsDto }> {
  // One read transaction: messages changing status while the file is written change neither side.
  sqlite.exec('BEGIN');
  try {
    const totals = countDeliveries(sqlite, filter, zone);
    const followUps = deliveryFollowUps(sqlite, filter, zone);
    const toRecord = reportRecords({ zone, currency, separator, followUps });
    const records = mapped(reportRows(sqlite, filter, zone), toRecord);
    const { fileId, rows } = await exports.write({ header: reportHeader({ zone, currency }), records, separator });
    return { fileId, rows, totals };
  } finally {
    sqlite.exec('COMMIT');
  }
}

/** The query's columns, in the order of RawRow. */
const SELECTED = `d.id, c.name, s.day, d.channel, r.name, r.contact_id, d.address, d.status, d.error_code, d.provider_message_id,
  c.launched_at, d.accepted_at, d.final_at, d.segments, d.cost_estimate, d.price, d.price_unit`;
type RawRow = [
  id: number,
  broadcast: string,
  day: number,
  channel: ReportRow['channel'],
  clientName: string,
  clientId: number | null,
  address: string,
  status: ReportRow['status'],
  errorCode: string | null,
  providerMessageId: string | null,
  launchedAt: string | null,
  acceptedAt: string | null,
  finalAt: string | null,
  segments: number | null,
  costEstimate: number | null,
  price: number | null,
  priceUnit: string | null,
];

/**
 * The messages in the order they were created: by broadcast, then day, as launch wrote them. Read as
 * arrays (a third faster than better-sqlite3's objects over 100,000 rows) and named here.
 */
function* reportRows(sqlite: Database.Database, filter: DeliveryFilter, zone: string): Generator<ReportRow> {
  const { where, params } = deliveryWhere(filter, zone);
  const statement = sqlite.prepare(`SELECT ${SELECTED} FROM deliveries d ${DELIVERY_JOINS} WHERE ${where} ORDER BY d.id`).raw(true);
  // A generator, so the statement only starts once the file is being written, and stops if writing fails.
  for (const raw of statement.iterate(params) as IterableIterator<RawRow>) {
    const [id, broadcast, day, channel, clientName, clientId, address, status, errorCode, providerMessageId, launchedAt, acceptedAt, finalAt, segments, costEstimate, price, priceUnit] = raw;
    yield { id, broadcast, day, channel, clientName, clientId, address, status, errorCode, providerMessageId, launchedAt, acceptedAt, finalAt, segments, costEstimate, price, priceUnit };
  }
}

function* mapped<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}
