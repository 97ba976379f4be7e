import { UPLOAD_CHUNK_CHARS } from '../../shared/contract';
import type { ImportDto } from '../../shared/imports';
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
