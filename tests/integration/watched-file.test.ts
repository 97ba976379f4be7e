// The watched file: the booking system's nightly export, imported again at the salon's time with the
// choices of an import the owner made, every run in the import history; a run that cannot read the file
// says why and the next one tries again; nights missed while the app was closed make one run at start.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { WatchedFileDto } from '../../shared/watched-file';
import { contactsByName, csvText, fileBytes, importFile } from '../support/csv-fixtures';
import { call, callFailing, createTestCore, tempDir, waitFor } from '../support/test-core';

const HEADER = 'Name,Mobile,Email,Last Visit,Total Visits,Next Appointment';
const TONIGHT = csvText([HEADER, 'Ana Lopez,415-555-2671,ana@salon.dev,2026-03-02,4,2026-03-20', 'Bo Chen,415-555-2672,bo@salon.dev,2026-02-01,2,2026-03-12']);
const TOMORROW = csvText([HEADER, 'Ana Lopez,415-555-2671,ana@salon.dev,2026-03-10,5,2026-04-07', 'Bo Chen,415-555-2672,bo@salon.dev,2026-03-10,3,']);

/** 13:00 in Paris; the watch runs at 02:00 there, 01:00 UTC in March (before the clocks change). */
const SET_AT = new Date('2026-03-10T12:00:00Z');
const FIRST_RUN = '2026-03-11T01:00:00.000Z';

describe('the watched file', () => {
  let dir: { path: string; remove: () => void };
  let now: Date;
  let core: Core;
  let exportPath: string;
  const clock = { now: () => now };
  const open = () => createTestCore(dir.path, { clock });
  const watch = async (): Promise<WatchedFileDto> => {
    const { watch: current } = await call(core, 'imports.watched.get', {});
    if (!current) throw new Error('no watch');
    return current;
  };
  /** The watch once its latest run's import has finished. */
  const settled = (runs: number) =>
    waitFor(async () => {
      const current = await watch();
      return current.runs.length === runs && current.runs.every((run) => run.status !== 'running') ? current : undefined;
    });

  beforeEach(async () => {
    dir = tempDir();
    now = SET_AT;
    core = open();
    await call(core, 'settings.update', { country: 'US', timeZone: 'Europe/Paris' });
    mkdirSync(join(dir.path, 'booking-system'));
    exportPath = join(dir.path, 'booking-system', 'clients.csv');
    writeFileSync(exportPath, fileBytes(TONIGHT, 'utf-8'));
    const first = await importFile(core, 'clients.csv', fileBytes(TONIGHT, 'utf-8'), { mergeRule: 'overwrite' });
    const set = await call(core, 'imports.watched.set', { importId: first.id, path: exportPath, time: '02:00' });
    expect(set).toMatchObject({ fileName: 'clients.csv', time: '02:00', nextRunAt: FIRST_RUN, lastRunAt: null, runs: [] });
    expect(set.options).toMatchObject({ mergeRule: 'overwrite', delimiter: ',', encoding: 'utf-8' });
  });
  afterEach(async () => {
    await core.stop();
    dir.remove();
  });

  it('imports the file again at its time, with the saved choices, and lists the run in the history', async () => {
    writeFileSync(exportPath, fileBytes(TOMORROW, 'utf-8'));
    now = new Date('2026-03-11T00:59:00Z');
    await core.catchUp();
    expect((await watch()).runs).toEqual([]);

    now = new Date('2026-03-11T01:00:30Z');
    await core.catchUp();
    const ran = await settled(1);
    expect(ran).toMatchObject({ lastRunAt: now.toISOString(), lastError: null, nextRunAt: '2026-03-12T01:00:00.000Z' });
    expect(ran.runs[0]).toMatchObject({ id: ran.lastImportId, fileName: 'clients.csv', fromWatchedFile: true, status: 'completed' });
    expect(ran.runs[0]?.summary).toMatchObject({ added: 0, updated: 2 });
    const contacts = await contactsByName(core);
    expect(contacts.get('Ana Lopez')).toMatchObject({ lastVisitAt: '2026-03-10', visitCount: 5, nextAppointmentAt: '2026-04-07' });
    expect(contacts.get('Bo Chen')).toMatchObject({ visitCount: 3, nextAppointmentAt: null });

    // The same night is not run twice; Run now runs whatever the time and leaves the schedule.
    await core.catchUp();
    expect((await watch()).runs).toHaveLength(1);
    await call(core, 'imports.watched.runNow', {});
    expect(await settled(2)).toMatchObject({ nextRunAt: '2026-03-12T01:00:00.000Z' });
  });

  it('records a missing file in words, throws nothing, and tries again the next night', async () => {
    rmSync(exportPath);
    now = new Date('2026-03-11T01:05:00Z');
    await core.catchUp();
    const missed = await watch();
    expect(missed.lastError).toContain('clients.csv was not found');
    expect(missed).toMatchObject({ runs: [], lastImportId: null, nextRunAt: '2026-03-12T01:00:00.000Z' });

    writeFileSync(exportPath, fileBytes(TOMORROW, 'utf-8'));
    now = new Date('2026-03-12T01:05:00Z');
    await core.catchUp();
    expect(await settled(1)).toMatchObject({ lastError: null });
  });

  it('refuses a file whose columns moved, since the mapping goes by column', async () => {
    writeFileSync(exportPath, fileBytes(csvText(['Email,Name,Mobile,Last Visit,Total Visits,Next Appointment', 'ana@salon.dev,Ana Lopez,415-555-2671,2026-03-10,5,']), 'utf-8'));
    await call(core, 'imports.watched.runNow', {});
    const refused = await watch();
    expect(refused.lastError).toContain('columns are not the ones you matched');
    expect(refused.runs).toEqual([]);
  });

  it('makes up for nights the app was closed with one run at start', async () => {
    await core.stop();
    writeFileSync(exportPath, fileBytes(TOMORROW, 'utf-8'));
    now = new Date('2026-03-14T09:00:00Z');
    core = open();
    core.start();
    const ran = await settled(1);
    expect(ran).toMatchObject({ lastRunAt: '2026-03-14T09:00:00.000Z', nextRunAt: '2026-03-15T01:00:00.000Z' });
    await core.catchUp();
    expect((await watch()).runs).toHaveLength(1);
  });

  it('takes only a full path to a readable file, and stops when told', async () => {
    const importId = (await watch()).fromImportId;
    const refusal = async (path: string) => (await callFailing(core, 'imports.watched.set', { importId, path, time: '02:00' })).issues?.[0];
    expect(await refusal('booking-system/clients.csv')).toMatchObject({ path: 'path', message: expect.stringContaining('full path') });
    expect(await refusal(join(dir.path, 'booking-system', 'nothing.csv'))).toMatchObject({ path: 'path', message: expect.stringContaining('no file') });
    expect(await refusal(join(dir.path, 'booking-system'))).toMatchObject({ path: 'path', message: expect.stringContaining('folder') });
    expect(await callFailing(core, 'imports.watched.set', { importId: 999, path: exportPath, time: '02:00' })).toMatchObject({ code: 'not_found' });

    await call(core, 'imports.watched.clear', {});
    expect(await call(core, 'imports.watched.get', {})).toEqual({ watch: null });
    expect(await callFailing(core, 'imports.watched.runNow', {})).toMatchObject({ code: 'not_found' });
  });
});
