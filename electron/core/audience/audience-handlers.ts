import type Database from 'better-sqlite3';
import type { AudienceFilter } from '../../../shared/audience';
import type { SegmentDto } from '../../../shared/dto';
import type { Db } from '../../../db/open';
import { recordAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import { AppError, notFound } from '../errors';
import type { Handlers } from '../rpc/handlers';
import type { SettingsRepository } from '../settings/settings-repository';
import { AudienceRepository } from './audience-repository';
import { compileFilter } from './compile-filter';
import { filterContext } from './filter-context';

interface SegmentRow {
  id: number;
  name: string;
  filter: string;
  created_at: string;
  updated_at: string;
}

export function audienceHandlers(
  db: Db,
  /** A read-only connection tuned for scans (db/open.ts openReader). */
  reader: Database.Database,
  settings: SettingsRepository,
  clock: Clock,
): Pick<Handlers, 'audience.summary' | 'segments.list' | 'segments.save' | 'segments.delete'> {
  const audience = new AudienceRepository(reader);
  const sqlite = db.$client;
  const toDto = (row: SegmentRow): SegmentDto => ({
    id: row.id,
    name: row.name,
    filter: JSON.parse(row.filter) as AudienceFilter,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
  const find = (id: number) => sqlite.prepare('SELECT * FROM segments WHERE id = ?').get(id) as SegmentRow | undefined;

  return {
    'audience.summary': ({ filter }) =>
      audience.summary(compileFilter(filter, filterContext(clock.now(), settings.get().timeZone))),

    'segments.list': () =>
      (sqlite.prepare('SELECT * FROM segments ORDER BY name COLLATE NOCASE').all() as SegmentRow[]).map(toDto),

    'segments.save': ({ id, name, filter }) =>
      db.transaction(() => {
        const clash = sqlite.prepare('SELECT id FROM segments WHERE name = ? COLLATE NOCASE').pluck().get(name) as number | undefined;
        if (clash !== undefined && clash !== id) {
          throw new AppError('duplicate', `There is already a segment called “${name}”.`, [
            { path: 'name', message: `There is already a segment called “${name}”.` },
          ]);
        }
        const now = clock.now().toISOString();
        const json = JSON.stringify(filter);
        let savedId = id;
        if (id === undefined) {
          savedId = Number(
            sqlite
              .prepare('INSERT INTO segments (name, filter, created_at, updated_at) VALUES (?, ?, ?, ?)')
              .run(name, json, now, now).lastInsertRowid,
          );
        } else if (sqlite.prepare('UPDATE segments SET name = ?, filter = ?, updated_at = ? WHERE id = ?').run(name, json, now, id).changes === 0) {
          throw notFound('That segment');
        }
        recordAudit(db, clock.now(), 'segment.saved', `segment:${savedId}`, { name });
        const saved = find(savedId ?? 0);
        if (!saved) throw notFound('That segment');
        return toDto(saved);
      }),

    'segments.delete': ({ id }) =>
      db.transaction(() => {
        if (sqlite.prepare('DELETE FROM segments WHERE id = ?').run(id).changes === 0) throw notFound('That segment');
        recordAudit(db, clock.now(), 'segment.deleted', `segment:${id}`);
        return { id };
      }),
  };
}
