// The Contacts page after an import: search as people type names, a tag picker, bulk consent, export.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { EXPORT_CHUNK_BYTES } from '../../electron/core/exports/export-store';
import { call, callFailing, createTestCore, tempDir } from '../support/test-core';

describe('the contacts page', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  beforeEach(() => {
    dir = tempDir();
    core = createTestCore(dir.path);
  });
  afterEach(async () => {
    await core.stop();
    dir.remove();
  });

  const add = (name: string, more: Record<string, unknown> = {}) =>
    call(core, 'contacts.create', { name, email: `${name.replace(/\W/g, '').toLowerCase() || 'x'}${Math.random()}@salon.dev`, ...more });
  const names = async (search: string, tag?: string) =>
    (await call(core, 'contacts.list', { search, ...(tag && { tag }) })).contacts.map((c) => c.name);

  it('finds names whatever their accents and case', async () => {
    await add('Hélène Dubois');
    await add('Helen Dubois');
    await add('Zoë Ångström');
    await add('ガク Tanaka');
    for (const search of ['helene', 'HELENE', 'hélène', 'HÉLÈNE', 'He\u0301le\u0300ne']) expect(await names(search)).toEqual(['Hélène Dubois']);
    expect(await names('angstrom')).toEqual(['Zoë Ångström']);
    expect(await names('zoe')).toEqual(['Zoë Ångström']);
    // A kana's voicing mark makes another syllable, not an accent: カク is not ガク.
    expect(await names('カク')).toEqual([]);
    expect(await names('ガク')).toEqual(['ガク Tanaka']);
  });

  it('finds a name given family then given name or the other way, with or without a space', async () => {
    await add('Misaki Sato', { firstName: 'Misaki', lastName: 'Sato' });
    await add('佐藤 美咲', { firstName: '美咲', lastName: '佐藤' });
    await add('美咲 田中', { firstName: '美咲', lastName: '田中' });
    expect(await names('Sato Misaki')).toEqual(['Misaki Sato']);
    expect(await names('misaki sato')).toEqual(['Misaki Sato']);
    expect(await names('satomisaki')).toEqual(['Misaki Sato']);
    expect(await names('佐藤美咲')).toEqual(['佐藤 美咲']);
    expect(await names('佐藤 美咲')).toEqual(['佐藤 美咲']);
    expect(await names('美咲 佐藤')).toEqual(['佐藤 美咲']);
    expect(await names('美咲佐藤')).toEqual(['佐藤 美咲']);
  });

  it('lists the clients of one tag, with the search', async () => {
    await add('Ana', { tags: ['Élite'] });
    await add('Anabel', { tags: ['Regular'] });
    await add('Bo', { tags: ['Élite', 'Regular'] });
    expect(await names('', 'élite')).toEqual(['Ana', 'Bo']);
    expect(await names('an', 'Regular')).toEqual(['Anabel']);
    expect(await names('', 'Nobody has it')).toEqual([]);
  });

  it('opts many clients in or out at once, each change in that client’s consent history', async () => {
    const ana = await add('Ana', { tags: ['VIP'], consent: { sms: 'granted', email: 'unknown' } });
    const bo = await add('Bo', { tags: ['VIP'] });
    const cy = await add('Cy', { tags: ['VIP'] });
    await add('Di');
    const vip = { kind: 'matching' as const, tag: 'VIP', except: [cy.id] };
    const out = await call(core, 'contacts.bulkConsent', { target: vip, channel: 'sms', status: 'opted_out', reason: 'Asked at the desk' });
    expect(out).toEqual({ changed: 2 });
    const back = await call(core, 'contacts.bulkConsent', {
      target: { kind: 'ids', ids: [ana.id, bo.id] },
      channel: 'sms',
      status: 'granted',
      reason: 'Signed the new consent form',
    });
    expect(back).toEqual({ changed: 2 });
    const again = await call(core, 'contacts.bulkConsent', { target: { kind: 'ids', ids: [ana.id] }, channel: 'sms', status: 'granted', reason: 'Twice' });
    expect(again).toEqual({ changed: 0 });

    const history = (await call(core, 'contacts.get', { id: bo.id })).consentHistory.map((e) => [e.channel, e.status, e.source]);
    expect(history).toEqual([
      ['sms', 'granted', 'Changed for many clients at once (agreed to texts): Signed the new consent form'],
      ['sms', 'opted_out', 'Changed for many clients at once (opted out of texts): Asked at the desk'],
    ]);
    expect((await call(core, 'contacts.get', { id: cy.id })).consent.sms).toBe('unknown');
    expect((await call(core, 'contacts.get', { id: ana.id })).consentHistory).toHaveLength(3);
    const noReason = await callFailing(core, 'contacts.bulkConsent', { target: vip, channel: 'email', status: 'granted', reason: ' ' });
    expect(noReason).toMatchObject({ code: 'invalid_input', issues: [{ path: 'reason' }] });
  });

  it('exports the clients shown as a formula-safe UTF-8 CSV, read in pieces and then deleted', async () => {
    await add('=HYPERLINK("http://x")', { tags: ['VIP'], notes: '+1 tip', customFields: { Stylist: 'Maria' } });
    await add('Hélène', { tags: ['VIP'], totalSpentCents: 52_282, phone: '4155552671' });
    await add('Bo');
    const { fileId, fileName, rows } = await call(core, 'contacts.export', { target: { kind: 'matching', tag: 'VIP' } });
    expect(rows).toBe(2);
    expect(fileName).toMatch(/^clients-\d{4}-\d{2}-\d{2}\.csv$/);
    const piece = await call(core, 'exports.chunk', { fileId, offset: 0 });
    expect(piece.done).toBe(true);
    const bytes = Buffer.from(piece.chunk, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^Name,First name,Last name,Mobile number,Email,.*,Stylist$/);
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/x""\)",.*'\+1 tip.*,Maria$/);
    expect(lines[2]).toMatch(/^Hélène,Hélène,,'\+14155552671,.*,522\.82,VIP,/);
    expect(lines).toHaveLength(3);
    expect(readdirSync(join(dir.path, 'exports'))).toEqual([]);
    expect((await callFailing(core, 'exports.chunk', { fileId, offset: 0 })).code).toBe('not_found');
  });

  it('exports thousands of clients in order, a piece at a time', async () => {
    const sqlite = (await import('better-sqlite3')).default;
    await core.stop();
    const db = new sqlite(join(dir.path, 'salon.db'));
    const insert = db.prepare("INSERT INTO contacts (name, email, created_at, updated_at) VALUES (?, ?, '2026-01-01', '2026-01-01')");
    db.transaction(() => {
      for (let i = 0; i < 12_000; i++) insert.run(`Client ${String(i).padStart(5, '0')} ${'x'.repeat(40)}`, `c${i}@salon.dev`);
    })();
    db.close();
    core = createTestCore(dir.path);
    const { fileId, rows } = await call(core, 'contacts.export', { target: { kind: 'matching' } });
    expect(rows).toBe(12_000);
    const parts: Buffer[] = [];
    for (let done = false, offset = 0; !done; ) {
      const piece = await call(core, 'exports.chunk', { fileId, offset });
      const bytes = Buffer.from(piece.chunk, 'base64');
      expect(bytes.length).toBeLessThanOrEqual(EXPORT_CHUNK_BYTES);
      parts.push(bytes);
      offset += bytes.length;
      done = piece.done;
    }
    expect(parts.length).toBeGreaterThan(1);
    const lines = Buffer.concat(parts).toString('utf8').trim().split(/\r?\n/);
    expect(lines).toHaveLength(12_001);
    const exported = lines.slice(1).map((line) => line.split(',')[0]);
    expect(exported).toEqual([...exported].sort());
  });
});
