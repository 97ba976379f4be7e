import { join } from 'node:path';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { openDatabase } from '../../db/open';
import { CHANNELS, DELIVERY_STATUSES, type Channel, type DeliveryStatus } from '../../shared/dto';
import { searchKey, searchWords } from '../../shared/search-key';
import { DELIVERY_SORTS, type DeliveryCountsDto, type DeliveryFilter, type DeliveryRowDto, type DeliverySort } from '../../shared/tracking';
import { call, callFailing, createTestCore, tempDir } from '../support/test-core';

// Issue 14: the deliveries table pages through 100,000 messages by keyset. Every page of every sort,
// either way, together holds each matching message exactly once, in order; filters and the search
// agree with a plain filter of all the messages in memory, and so do the counts of any filter.

const ZONE = 'Asia/Tokyo';
const NAMES = [
  ['Hélène', 'Dupont'],
  ['Zoë', 'Martin'],
  ['Zoe', 'Martin'],
  ['美咲', '佐藤'],
  ['constructor', 'Prototype'],
  ['__proto__', 'toString'],
  ['Ana', 'López'],
  ['BJÖRK', 'GUÐMUNDSDÓTTIR'],
  ['Ἀθηνᾶ', 'Παππᾶ'],
  ['Ola 🌸', 'Nordmann'],
  ['Bo', 'Chen'],
  ['hasOwnProperty', 'valueOf'],
  // The longest name a client may have, in three-byte characters: a cursor holding it stays usable.
  ['長'.repeat(100), '名'.repeat(99)],
] as const;
const CODES = ['30003', '30006', '21211', '550'] as const;

interface Seeded {
  id: number;
  broadcastId: number;
  day: number;
  channel: Channel;
  name: string;
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  status: DeliveryStatus;
  errorCode: string | null;
  /** When the provider took it, reached its final status, or is due: its time in the table. */
  time: string;
}

/** A small deterministic generator, so the messages are the same on every run. */
function generator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % n;
  };
}

/** Two broadcasts of three days on every channel, with every status and times around Tokyo's midnight. */
function seed(dbPath: string): Seeded[] {
  const { sqlite, close } = openDatabase(dbPath);
  const pick = generator(7);
  const seeded: Seeded[] = [];
  const base = Date.parse('2026-11-30T14:30:00Z'); // 23:30 in Tokyo
  for (const broadcastId of [1, 2]) {
    sqlite.prepare(`INSERT INTO campaigns (id, name, status, type, created_at, launched_at) VALUES (?, ?, 'completed', 'sms_email', ?, ?)`).run(
      broadcastId,
      `Broadcast ${broadcastId}`,
      new Date(base).toISOString(),
      new Date(base).toISOString(),
    );
    for (const day of [1, 2, 3]) {
      sqlite.prepare(`INSERT INTO campaign_steps (id, campaign_id, day) VALUES (?, ?, ?)`).run(broadcastId * 10 + day, broadcastId, day);
    }
    NAMES.forEach(([firstName, lastName], index) => {
      const name = `${firstName} ${lastName}`;
      const phone = `+8190${String(12_345_600 + index * 7 + broadcastId)}`;
      const email = `${searchKey(firstName).replace(/[^a-z]/g, '') || 'client'}${index}@salon.jp`;
      const recipientId = Number(
        sqlite
          .prepare(`INSERT INTO campaign_recipients (campaign_id, name, first_name, last_name, phone, email) VALUES (?, ?, ?, ?, ?, ?)`)
          .run(broadcastId, name, firstName, lastName, phone, email).lastInsertRowid,
      );
      for (const day of [1, 2, 3]) {
        for (const channel of CHANNELS) {
          const status = DELIVERY_STATUSES[pick(DELIVERY_STATUSES.length)] ?? 'queued';
          const errorCode = status === 'failed' || status === 'undelivered' ? (CODES[pick(CODES.length)] ?? null) : null;
          // Some share a time exactly, so ties fall to the id.
          const at = new Date(base + (day - 1) * 86_400_000 + pick(8) * 20 * 60_000).toISOString();
          const accepted = ['accepted', 'sent', 'delivered', 'undelivered', 'no_report'].includes(status) ? at : null;
          const final = ['delivered', 'undelivered', 'failed', 'no_report', 'cancelled', 'skipped'].includes(status)
            ? new Date(Date.parse(at) + 90 * 60_000).toISOString()
            : null;
          const id = Number(
            sqlite
              .prepare(
                `INSERT INTO deliveries (campaign_id, step_id, recipient_id, channel, address, status, due_at, error_code, accepted_at, final_at, updated_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
              )
              .run(broadcastId, broadcastId * 10 + day, recipientId, channel, channel === 'email' ? email : phone, status, at, errorCode, accepted, final, at)
              .lastInsertRowid,
          );
          seeded.push({ id, broadcastId, day, channel, name, firstName, lastName, phone, email, status, errorCode, time: accepted ?? final ?? at });
        }
      }
    });
  }
  close();
  return seeded;
}

/** The contacts search's rule, read from its description: every word in the name, either name order joined, or the phone/email. */
function matchesSearch(row: Seeded, search: string): boolean {
  const words = searchWords(search);
  if (words.length === 0) return true;
  const joined = words.join('');
  const digits = search.replace(/\D/g, '');
  return (
    words.every((word) => searchKey(row.name).includes(word)) ||
    searchKey(row.lastName + row.firstName).includes(joined) ||
    searchKey(row.firstName + row.lastName).includes(joined) ||
    searchKey(row.phone).includes(joined) ||
    searchKey(row.email).includes(joined) ||
    (digits.length >= 3 && row.phone.includes(digits))
  );
}

function matches(row: Seeded, filter: DeliveryFilter): boolean {
  const localDate = DateTime.fromISO(row.time).setZone(ZONE).toISODate() ?? '';
  return (
    (filter.broadcastId === undefined || row.broadcastId === filter.broadcastId) &&
    (filter.day === undefined || row.day === filter.day) &&
    (filter.channel === undefined || row.channel === filter.channel) &&
    (filter.statuses === undefined || filter.statuses.includes(row.status)) &&
    (filter.reason === undefined || row.errorCode === filter.reason) &&
    (filter.from === undefined || localDate >= filter.from) &&
    (filter.to === undefined || localDate <= filter.to) &&
    (filter.search === undefined || matchesSearch(row, filter.search))
  );
}

/** SQLite's NOCASE: ASCII letters folded, then the UTF-8 bytes compared. */
function nocase(a: string, b: string): number {
  const fold = (text: string) => Buffer.from(text.replace(/[A-Z]/g, (c) => c.toLowerCase()));
  return Buffer.compare(fold(a), fold(b));
}

const ORDER: Readonly<Record<DeliverySort, (a: Seeded, b: Seeded) => number>> = {
  time: (a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0),
  name: (a, b) => nocase(a.name, b.name),
  status: (a, b) => DELIVERY_STATUSES.indexOf(a.status) - DELIVERY_STATUSES.indexOf(b.status),
  channel: (a, b) => CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel),
  day: (a, b) => a.day - b.day,
};

const fragments = ['helene', 'HÉLÈNE', 'zoe', 'Zoë', 'sato misaki', '佐藤美咲', 'misaki sato', 'proto', '__proto__', 'constructor', 'lopez', 'björk', 'αθηνα', '🌸', '+81', '1234', 'salon.jp', 'x%_', ' ', 'bo chen'];
const filterArb: fc.Arbitrary<DeliveryFilter> = fc.record(
  {
    broadcastId: fc.constantFrom(1, 2),
    from: fc.constantFrom('2026-11-30', '2026-12-01', '2026-12-02'),
    to: fc.constantFrom('2026-12-02', '2026-12-03', '2026-12-04'),
    day: fc.constantFrom(1, 2, 3),
    channel: fc.constantFrom(...CHANNELS),
    statuses: fc.uniqueArray(fc.constantFrom(...DELIVERY_STATUSES), { minLength: 1, maxLength: 4 }),
    reason: fc.constantFrom(...CODES),
    search: fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 6 })),
  },
  { requiredKeys: [] },
);

/** What a message of each status counts as, from DeliveryCountsDto's own words. */
function countsOf(statuses: readonly DeliveryStatus[]): DeliveryCountsDto {
  const count = (...of: DeliveryStatus[]) => statuses.filter((status) => of.includes(status)).length;
  const sent = count('accepted', 'sent', 'delivered', 'undelivered', 'no_report');
  return {
    recipients: statuses.length,
    sent,
    delivered: count('delivered'),
    failed: count('failed', 'undelivered'),
    pending: count('queued', 'sending'),
    unsure: count('unknown'),
    skipped: count('skipped'),
    cancelled: count('cancelled'),
    optedOut: 0,
    replied: 0,
    tried: sent + count('failed'),
  };
}

describe('tracking.deliveries: keyset pages over filtered messages', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  let rows: Seeded[];
  const byId = new Map<number, Seeded>();

  beforeAll(async () => {
    dir = tempDir();
    core = createTestCore(dir.path);
    await call(core, 'settings.update', { timeZone: ZONE });
    rows = seed(join(dir.path, 'salon.db'));
    for (const row of rows) byId.set(row.id, row);
  });

  afterAll(async () => {
    await core.stop();
    dir.remove();
  });

  /** Every page of the query, the totals each reported, and the rows in the order received. */
  async function allPages(filter: DeliveryFilter, sort: DeliverySort, direction: 'asc' | 'desc', limit: number) {
    const received: DeliveryRowDto[] = [];
    const totals = new Set<number>();
    let after: string | undefined;
    for (let page = 0; page < 1000; page++) {
      const result = await call(core, 'tracking.deliveries', { filter, sort, direction, limit, ...(after !== undefined && { after }) });
      totals.add(result.total);
      received.push(...result.rows);
      if (result.next === null) return { received, totals };
      after = result.next;
    }
    throw new Error('the pages never ended');
  }

  function expectInOrder(received: DeliveryRowDto[], sort: DeliverySort, direction: 'asc' | 'desc'): void {
    const sign = direction === 'asc' ? 1 : -1;
    for (let i = 1; i < received.length; i++) {
      const before = byId.get(received[i - 1]?.id ?? 0);
      const after = byId.get(received[i]?.id ?? 0);
      if (!before || !after) throw new Error('a row that was never seeded');
      const compared = ORDER[sort](before, after) * sign || (before.id - after.id) * sign;
      expect(compared, `${sort} ${direction}: ${before.id} before ${after.id}`).toBeLessThan(0);
    }
  }

  it('pages through every message exactly once, in order, for every sort either way', async () => {
    for (const sort of DELIVERY_SORTS) {
      for (const direction of ['asc', 'desc'] as const) {
        const { received, totals } = await allPages({}, sort, direction, 7);
        expect(totals).toEqual(new Set([rows.length]));
        expect(received.map((row) => row.id).sort((a, b) => a - b)).toEqual(rows.map((row) => row.id).sort((a, b) => a - b));
        expectInOrder(received, sort, direction);
      }
    }
  });

  it('matches a plain filter of all the messages, for any filter, sort, direction and page size', async () => {
    await fc.assert(
      fc.asyncProperty(filterArb, fc.constantFrom(...DELIVERY_SORTS), fc.constantFrom('asc' as const, 'desc' as const), fc.integer({ min: 3, max: 60 }), async (filter, sort, direction, limit) => {
        const expected = rows.filter((row) => matches(row, filter)).map((row) => row.id);
        const { received, totals } = await allPages(filter, sort, direction, limit);
        expect(totals).toEqual(new Set([expected.length]));
        expect(received.map((row) => row.id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
        expectInOrder(received, sort, direction);
      }),
      { numRuns: 80 },
    );
  });

  it('finds accented, Japanese and prototype-named clients by their search, and tells each row in plain words', async () => {
    const names = async (search: string) =>
      [...new Set((await call(core, 'tracking.deliveries', { filter: { search, broadcastId: 1 }, limit: 500 })).rows.map((row) => row.recipientName))].sort();
    expect(await names('helene')).toEqual(['Hélène Dupont']);
    expect(await names('ZOE')).toEqual(['Zoe Martin', 'Zoë Martin']);
    expect(await names('佐藤美咲')).toEqual(['美咲 佐藤']);
    expect(await names('__proto__')).toEqual(['__proto__ toString']);
    expect(await names('constructor prototype')).toEqual(['constructor Prototype']);
    expect(await names('guðmundsdóttir')).toEqual(['BJÖRK GUÐMUNDSDÓTTIR']);
    expect(await names('%')).toEqual([]);

    const words: Record<string, string> = { '30003': 'Phone switched off or out of range', '30006': 'Not a mobile number', '21211': 'Not a valid phone number' };
    const seededFailure = rows.find((row) => row.channel === 'sms' && row.errorCode !== null && row.errorCode in words);
    if (!seededFailure?.errorCode) throw new Error('the seed has no failed text');
    const { broadcastId, errorCode } = seededFailure;
    const failed = await call(core, 'tracking.deliveries', { filter: { broadcastId, channel: 'sms', reason: errorCode }, sort: 'time', direction: 'asc', limit: 500 });
    expect(failed.rows.map((row) => row.id)).toContain(seededFailure.id);
    expect(failed.rows.find((row) => row.id === seededFailure.id)).toEqual({
      id: seededFailure.id,
      broadcastId,
      broadcastName: `Broadcast ${broadcastId}`,
      day: seededFailure.day,
      channel: 'sms',
      contactId: null,
      recipientName: seededFailure.name,
      address: seededFailure.phone,
      status: seededFailure.status,
      errorCode,
      reason: words[errorCode],
      sentAt: seededFailure.status === 'undelivered' ? seededFailure.time : null,
      finalAt: expect.any(String),
      updatedAt: expect.any(String),
    });
  });

  it('counts any filter as a plain count of its messages would', async () => {
    await fc.assert(
      fc.asyncProperty(filterArb, async (filter) => {
        const expected = countsOf(rows.filter((row) => matches(row, filter)).map((row) => row.status));
        expect(await call(core, 'tracking.summary', { filter })).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a cursor it did not write', async () => {
    for (const after of ['not a cursor', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1, "x"]').toString('base64url')]) {
      const error = await callFailing(core, 'tracking.deliveries', { filter: {}, after });
      expect(error.code).toBe('invalid_input');
    }
  });
});
