import { parse } from 'csv-parse/sync';
import { UPLOAD_CHUNK_CHARS } from '../../shared/contract';
import type { ImportDto, ImportSummaryDto } from '../../shared/imports';
import { DEFAULT_CONSENT, finished, upload } from '../support/csv-fixtures';
import { fixtureBytes, importFixtures, type ImportFixture } from '../support/import-fixtures';
import { call, createTestCore, tempDir } from '../support/test-core';
import { record } from './figures';

/** A booking-system export: names, mobile, email, birthday, visits, money, tags, notes, source. */
function bookingExport(rows: number): Buffer {
  const lines = ['First Name,Last Name,Mobile,Email,Birthday,Visits,Total Spent,Tags,Notes,Lead Source'];
  for (let i = 0; i < rows; i++) {
    const phone = `(415) ${200 + Math.floor(i / 10_000)}-${String(i % 10_000).padStart(4, '0')}`;
    lines.push(
      `Client${i},Surname${i % 977},${phone},client${i}@salon.dev,${(i % 12) + 1}/${(i % 28) + 1}/1990,${i % 50},"$${i % 1000}.50",VIP,"Note ${i}",Instagram`,
    );
  }
  return Buffer.from(lines.join('\r\n'));
}

const RUNS = 5;

/** Import a generated CSV RUNS times, each into a fresh database, and record the median time. */
export async function benchImport(rows: number, label: string): Promise<void> {
  const seconds: number[] = [];
  for (let run = 0; run < RUNS; run++) seconds.push(await importOnce(rows));
  seconds.sort((a, b) => a - b);
  console.log(`  (import runs: ${seconds.map((s) => s.toFixed(2)).join(', ')} s)`);
  record(`import.csv_s.${label}`, seconds[Math.floor(RUNS / 2)] ?? 0, 's');
}

/** Upload, preview and import a generated CSV through the contract; seconds from start to completed. */
async function importOnce(rows: number): Promise<number> {
  const dir = tempDir('salon-bench-');
  const core = createTestCore(dir.path);
  await call(core, 'settings.update', { country: 'US' });
  const base64 = bookingExport(rows).toString('base64');
  let uploadId: string | undefined;
  for (let at = 0; at < base64.length; at += UPLOAD_CHUNK_CHARS) {
    const piece = base64.slice(at, at + UPLOAD_CHUNK_CHARS);
    uploadId = (await call(core, 'imports.upload', { ...(uploadId && { uploadId }), fileName: 'clients.csv', chunk: piece })).uploadId;
  }
  if (!uploadId) throw new Error('nothing uploaded');
  const preview = await call(core, 'imports.preview', { uploadId });

  const finished = new Promise<ImportDto>((resolve) =>
    core.events.on('import.progress', (progress) => progress.status !== 'running' && resolve(progress)),
  );
  const started = performance.now();
  await call(core, 'imports.start', {
    uploadId,
    encoding: preview.encoding,
    delimiter: preview.delimiter,
    hasHeader: true,
    mapping: preview.suggestedMapping,
    mergeRule: 'fill_empty',
    consent: { sms: 'granted', email: 'granted', source: 'Agreed at booking' },
    tags: ['Imported'],
  });
  const result = await finished;
  const elapsed = (performance.now() - started) / 1000;
  if (result.status !== 'completed' || result.summary?.added !== rows) {
    throw new Error(`import did not add every row: ${JSON.stringify(result)}`);
  }
  await core.stop();
  dir.remove();
  return elapsed;
}

interface FixtureOutcome {
  keepable: number;
  kept: number;
  summary: ImportSummaryDto | null;
  /** Line to reason, for each row the import left out. */
  dropped: Map<number, string>;
}

/**
 * Import every fixture export (tests/fixtures/imports) as an owner would: the preview's encoding, delimiter
 * and suggested mapping, each into a fresh database in the file's country. Records the share of the rows a
 * careful receptionist would keep (all but those expected.json lists) that the import kept, and prints
 * every row it left out with its reason.
 */
export async function benchImportMessy(): Promise<void> {
  let keepable = 0;
  let kept = 0;
  for (const fixture of importFixtures()) {
    const outcome = await importFixture(fixture);
    keepable += outcome.keepable;
    kept += outcome.kept;
    printOutcome(fixture, outcome);
  }
  console.log(`  (rows kept of those a person would keep: ${kept} of ${keepable})`);
  record('import.rows_kept.messy', keepable === 0 ? 0 : (kept / keepable) * 100, '%');
}

async function importFixture(fixture: ImportFixture): Promise<FixtureOutcome> {
  const dir = tempDir('salon-bench-');
  const core = createTestCore(dir.path);
  try {
    await call(core, 'settings.update', { country: fixture.country });
    const uploadId = await upload(core, fixture.file, fixtureBytes(fixture));
    const preview = await call(core, 'imports.preview', { uploadId });
    // Asked to confirm the letters, the owner picks the one that shows the names right.
    const encoding = preview.askEncoding ? fixture.encoding : preview.encoding;
    const started = await call(core, 'imports.start', {
      uploadId,
      encoding,
      delimiter: preview.delimiter,
      hasHeader: true,
      mapping: preview.suggestedMapping,
      mergeRule: 'fill_empty',
      consent: DEFAULT_CONSENT,
    });
    const result = await finished(core, started.id);
    const dropped = await droppedRows(core, result.id);
    const unusable = new Set(Object.keys(fixture.unusable).map(Number));
    const droppedKeepable = [...dropped.keys()].filter((line) => !unusable.has(line)).length;
    const rowsKeepable = fixture.rows - unusable.size;
    return { keepable: rowsKeepable, kept: rowsKeepable - droppedKeepable, summary: result.summary, dropped };
  } finally {
    await core.stop();
    dir.remove();
  }
}

async function droppedRows(core: ReturnType<typeof createTestCore>, id: number): Promise<Map<number, string>> {
  const { csv } = await call(core, 'imports.rejectedCsv', { id });
  const [, ...rows] = parse(csv, { bom: true, relax_column_count: true }) as string[][];
  return new Map(rows.map(([line = '0', reason = '']) => [Number(line), reason]));
}

function printOutcome(fixture: ImportFixture, { keepable, kept, summary, dropped }: FixtureOutcome): void {
  const counts = summary ? Object.entries(summary).map(([key, value]) => `${key} ${value}`).join(', ') : 'no summary';
  console.log(`  ${fixture.file}: kept ${kept} of ${keepable} keepable (${counts})`);
  for (const [line, reason] of dropped) {
    const expected = fixture.unusable[String(line)];
    console.log(`    line ${line} dropped${expected ? ' (a person would drop it too)' : ''}: ${reason}`);
  }
  for (const [line, why] of Object.entries(fixture.unusable)) {
    if (!dropped.has(Number(line))) console.log(`    line ${line} kept, though a person would drop it: ${why}`);
  }
}
