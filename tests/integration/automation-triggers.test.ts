// The automations' trigger SQL against a plain evaluation of the same rule, over random birthdays and
// visit dates (29 February and year-less birthdays among them) and random windows of salon days.
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { DateTime } from 'luxon';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { addDays } from '../../electron/core/audience/filter-context';
import { triggerSql } from '../../electron/core/automations/triggers';
import { tempDir } from '../support/test-core';

interface Client {
  month: number;
  day: number;
  year: number | null;
  lastVisit: string;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isoDate = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
const client: fc.Arbitrary<Client> = fc
  .record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }), year: fc.option(fc.integer({ min: 1940, max: 2010 })), lastVisit: isoDate })
  .map((c) => ({ ...c, day: Math.min(c.day, DAYS_IN_MONTH[c.month - 1] ?? 28) }));
// Birthdays around 28 February and 1 March, where leap years matter, come often.
const leapish: fc.Arbitrary<Client> = fc.record({
  month: fc.constant(2),
  day: fc.constantFrom(28, 29),
  year: fc.option(fc.constantFrom(1992, 1993, 2000)),
  lastVisit: isoDate,
});
const window = fc.record({ from: isoDate, length: fc.integer({ min: 1, max: 10 }), days: fc.integer({ min: 0, max: 60 }) });

/** The birthday rule in plain words: N days after a day of the window, on 28 February for 29 February in other years. */
function birthdayDue(c: Client, from: string, length: number, days: number): string[] {
  const due: string[] = [];
  for (let offset = 0; offset < length; offset++) {
    const target = DateTime.fromISO(addDays(addDays(from, offset), days), { zone: 'UTC' });
    const leapDay = c.month === 2 && c.day === 29 && !target.isInLeapYear && target.month === 2 && target.day === 28;
    if ((target.month === c.month && target.day === c.day) || leapDay) due.push(target.toISODate() ?? '');
  }
  return due;
}

let db: OpenDatabase;
const dir = tempDir();
beforeAll(() => {
  db = openDatabase(join(dir.path, 'salon.db'));
});
afterAll(() => {
  db.close();
  dir.remove();
});

function seed(clients: readonly Client[]): void {
  const sqlite = db.sqlite;
  sqlite.exec('DELETE FROM contacts');
  const insert = sqlite.prepare(
    `INSERT INTO contacts (id, name, birth_month, birth_day, birth_year, last_visit_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '', '')`,
  );
  clients.forEach((c, index) => insert.run(index + 1, `Client ${index + 1}`, c.month, c.day, c.year, c.lastVisit));
}

function run(kind: 'birthday' | 'rebook', from: string, length: number, days: number): string[] {
  const query = { kind, days, from, to: addDays(from, length - 1), addedSince: '', addedUntil: '' };
  const { sql, params } = triggerSql(query, { sql: '1', params: [] });
  const rows = db.sqlite.prepare(sql).all(...params) as Array<{ contactId: number; eventDate: string; occasion: string }>;
  return rows.map((row) => `${row.contactId}:${row.eventDate}:${row.occasion}`).sort();
}

describe('automation triggers', () => {
  it('pick the same birthdays in SQL as the plain rule, for any birthdays, windows and numbers of days', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(client, leapish), { maxLength: 40 }), window, (clients, { from, length, days }) => {
        seed(clients);
        const expected = clients
          .flatMap((c, index) => birthdayDue(c, from, length, days).map((date) => `${index + 1}:${date}:${date.slice(0, 4)}`))
          .sort();
        const actual = run('birthday', from, length, days);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`expected ${expected.join(', ')} got ${actual.join(', ')}`);
      }),
      { numRuns: 300 },
    );
  });

  it('pick the same visits in SQL as the plain rule: the last visit N days before a day of the window', () => {
    fc.assert(
      fc.property(fc.array(client, { maxLength: 40 }), window, (clients, { from, length, days }) => {
        seed(clients);
        const to = addDays(from, length - 1);
        const expected = clients
          .flatMap((c, index) => {
            const trigger = addDays(c.lastVisit, days);
            return trigger >= from && trigger <= to ? [`${index + 1}:${c.lastVisit}:${c.lastVisit}`] : [];
          })
          .sort();
        const actual = run('rebook', from, length, days);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`expected ${expected.join(', ')} got ${actual.join(', ')}`);
      }),
      { numRuns: 300 },
    );
  });
});
