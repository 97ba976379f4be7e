// The client-list files under tests/fixtures/imports, shaped like the exports salons bring, and what
// expected.json says of each: its country, encoding, layout, rows, and the lines a careful person drops.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Encoding } from '../../shared/imports';

export const FIXTURES_DIR = join(__dirname, '..', 'fixtures', 'imports');

export interface ImportFixture {
  file: string;
  country: string;
  encoding: Encoding;
  /** What the preview should call the file, or null for a sheet of the owner's own. */
  layout: string | null;
  rows: number;
  /** Line (1 is the header) to why a careful receptionist would drop that row. */
  unusable: Record<string, string>;
}

export function importFixtures(): ImportFixture[] {
  const expected = JSON.parse(readFileSync(join(FIXTURES_DIR, 'expected.json'), 'utf8')) as Record<string, unknown>;
  return Object.entries(expected)
    .filter(([file]) => file.endsWith('.csv'))
    .map(([file, value]) => ({ file, ...(value as Omit<ImportFixture, 'file'>) }));
}

export function fixtureBytes(fixture: ImportFixture): Buffer {
  return readFileSync(join(FIXTURES_DIR, fixture.file));
}
