import type Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import type { Clock } from '../clock';
import { notFound } from '../errors';
import type { ExportStore } from '../exports/export-store';
import type { Handlers } from '../rpc/handlers';
import type { SettingsRepository } from '../settings/settings-repository';
import { writeDeliveryReport } from './delivery-report';
import { reportFileName } from './report-file-name';

export interface ReportsDeps {
  settings: SettingsRepository;
  clock: Clock;
  exports: ExportStore;
  /** A new read-only connection, closed after each report (report-connection.ts). */
  openConnection: () => Database.Database;
}

export function reportsHandlers({ settings, clock, exports, openConnection }: ReportsDeps): Pick<Handlers, 'reports.deliveriesCsv'> {
  return {
    'reports.deliveriesCsv': async ({ filter, separator }) => {
      const { timeZone: zone, currency } = settings.get();
      const sqlite = openConnection();
      try {
        const broadcast = filter.broadcastId === undefined ? undefined : broadcastNamed(sqlite, filter.broadcastId);
        const { fileId, rows, totals } = await writeDeliveryReport(exports, { sqlite, filter, separator, zone, currency });
        const today = DateTime.fromJSDate(clock.now(), { zone }).toISODate() ?? clock.now().toISOString().slice(0, 10);
        const fileName = reportFileName({ ...(broadcast && { broadcast }), ...filter, today });
        return { fileId, fileName, rows, totals };
      } finally {
        sqlite.close();
      }
    },
  };
}

function broadcastNamed(sqlite: Database.Database, id: number): { id: number; name: string } {
  const name = sqlite.prepare('SELECT name FROM campaigns WHERE id = ?').pluck().get(id) as string | undefined;
  if (name === undefined) throw notFound('That broadcast');
  return { id, name };
}
