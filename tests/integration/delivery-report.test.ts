import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryStatus } from '../../shared/dto';
import type { DeliveryCountsDto } from '../../shared/tracking';
import type { Core } from '../../electron/core';
import { countDeliveries } from '../../electron/core/tracking/delivery-counts';
import { createBroadcast } from '../support/broadcasts';
import { readExportBytes } from '../support/read-export';
import { call, callFailing, createTestCore, tempDir } from '../support/test-core';

const CLIENTS = [
  { name: '=HYPERLINK("http://evil.example","Click")', phone: '+1 415 555 2671', email: 'a@salon.dev' },
  { name: '+1 555', phone: '+1 415 555 2672', email: 'b@salon.dev' },
  { name: '@x', phone: '+1 415 555 2673', email: 'c@salon.dev' },
  { name: '佐藤 美咲', phone: '+1 415 555 2674', email: 'd@salon.dev' },
  { name: 'Hélène Dupré', phone: '+1 415 555 2675', email: 'e@salon.dev' },
  { name: 'Zoë Ångström', phone: '+1 415 555 2676', email: 'f@salon.dev' },
] as const;

/**
 * Every status, set directly in the database: the engine cannot be steered to stop on each one in a
 * test (unknown needs a crash mid-send, no_report 72 hours of silence). Per client, in CLIENTS order.
 */
const STATUSES: Record<'sms' | 'email', DeliveryStatus[]> = {
  sms: ['delivered', 'undelivered', 'failed', 'no_report', 'unknown', 'accepted'],
  email: ['sent', 'skipped', 'cancelled', 'queued', 'sending', 'delivered'],
};
const TAKEN: ReadonlySet<DeliveryStatus> = new Set(['accepted', 'sent', 'delivered', 'undelivered', 'no_report']);
const FINAL: ReadonlySet<DeliveryStatus> = new Set(['delivered', 'undelivered', 'failed', 'no_report', 'cancelled', 'skipped']);
const ERRORS: Partial<Record<DeliveryStatus, string>> = { undelivered: '30003', failed: '21614' };

const LAUNCHED = '2026-12-04T12:00:00.000Z';
const ACCEPTED = '2026-12-04T13:05:30.000Z'; // 14:05 in Paris
const FINAL_AT = '2026-12-04T13:07:10.000Z'; // 14:07
const HOUR = 3_600_000;
const later = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * HOUR).toISOString();

/** What each status word of the report adds to, per DeliveryCountsDto's documentation. */
const COUNTS_OF_WORD: Record<string, Array<keyof DeliveryCountsDto>> = {
  Queued: ['pending'],
  Sending: ['pending'],
  Sent: ['sent', 'tried'],
  Delivered: ['sent', 'delivered', 'tried'],
  'Not delivered': ['sent', 'failed', 'tried'],
  Failed: ['failed', 'tried'],
  Unsure: ['unsure'],
  'Sent, no report': ['sent', 'tried'],
  'Not sent (cancelled)': ['cancelled'],
  Skipped: ['skipped'],
};

type Cells = Record<string, string>;

/** The totals a spreadsheet user would count from the file's rows. */
function countRows(rows: Cells[]): DeliveryCountsDto {
  const counts: DeliveryCountsDto = { recipients: 0, sent: 0, delivered: 0, failed: 0, pending: 0, unsure: 0, skipped: 0, cancelled: 0, optedOut: 0, replied: 0, tried: 0 };
  for (const row of rows) {
    counts.recipients += 1;
    for (const key of COUNTS_OF_WORD[row.Status ?? ''] ?? []) counts[key] += 1;
    if (row['Opted out after'] === 'Yes') counts.optedOut += 1;
    if (row.Replied === 'Yes') counts.replied += 1;
  }
  return counts;
}

describe('the delivery report CSV', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  let broadcastId: number;
  const contactIds: number[] = [];

  beforeEach(async () => {
    dir = tempDir();
    core = createTestCore(dir.path);
    contactIds.length = 0;
    for (const client of CLIENTS) {
      contactIds.push((await call(core, 'contacts.create', { ...client, consent: { sms: 'granted', email: 'granted' } })).id);
    }
    // The core is not started: nothing is sent, and the statuses below stay as set.
    const draft = await createBroadcast(core, { name: 'Spring offer!', type: 'sms_email', body: 'Hi {{firstName|there}}', subject: 'Spring' });
    await call(core, 'broadcasts.launch', { id: draft.id });
    broadcastId = draft.id;
    await call(core, 'settings.update', { timeZone: 'Europe/Paris', currency: 'EUR' });
    settleEveryStatus();
  });

  afterEach(async () => {
    await core.stop();
    dir.remove();
  });

  function settleEveryStatus(): void {
    const db = new Database(join(dir.path, 'salon.db'));
    db.prepare('UPDATE campaigns SET launched_at = ? WHERE id = ?').run(LAUNCHED, broadcastId);
    const set = db.prepare(
      `UPDATE deliveries SET status = @status, accepted_at = @acceptedAt, final_at = @finalAt, error_code = @errorCode,
              provider_message_id = @providerId, segments = @segments, cost_estimate = @estimate, price = @price, price_unit = @unit
        WHERE id = (SELECT d.id FROM deliveries d JOIN campaign_recipients r ON r.id = d.recipient_id WHERE r.contact_id = @contactId AND d.channel = @channel)`,
    );
    for (const channel of ['sms', 'email'] as const) {
      STATUSES[channel].forEach((status, index) => {
        const taken = TAKEN.has(status);
        set.run({
          status,
          channel,
          contactId: contactIds[index],
          acceptedAt: taken ? ACCEPTED : null,
          finalAt: FINAL.has(status) ? FINAL_AT : null,
          errorCode: ERRORS[status] ?? null,
          providerId: taken ? `SM${channel}${index}` : null,
          segments: channel === 'sms' ? 1 : null,
          estimate: channel === 'sms' ? 0.0083 : null,
          price: channel === 'sms' && status === 'delivered' ? 0.0079 : null,
          unit: channel === 'sms' && status === 'delivered' ? 'USD' : null,
        });
      });
    }
    const optOut = db.prepare("INSERT INTO consent_events (contact_id, channel, status, source, at) VALUES (?, 'sms', 'opted_out', 'STOP', ?)");
    const reply = db.prepare("INSERT INTO inbound_messages (provider_message_id, from_phone, to_phone, body, received_at, contact_id) VALUES (?, '+14155550000', '+14155559999', 'Thanks!', ?, ?)");
    optOut.run(contactIds[0], later(ACCEPTED, 2)); // after the delivered text: counted
    reply.run('IN1', later(ACCEPTED, 1), contactIds[3]); // after the text with no report: counted
    reply.run('IN2', later(ACCEPTED, 100), contactIds[5]); // after 72 hours: not put down to it
    db.close();
  }

  async function report(separator: ',' | ';', filter: Record<string, unknown> = { broadcastId }) {
    const result = await call(core, 'reports.deliveriesCsv', { filter, separator });
    const bytes = await readExportBytes(core, result.fileId);
    const rows = parse(bytes, { bom: true, delimiter: separator, columns: true }) as Cells[];
    return { result, bytes, rows };
  }

  it('has one row per message, each status in words, formula-safe, with accents and kanji intact', async () => {
    const { result, bytes, rows } = await report(';');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(result.rows).toBe(12);
    expect(rows).toHaveLength(12);
    expect(result.fileName).toMatch(/^delivery-report-spring-offer-\d{4}-\d{2}-\d{2}\.csv$/);

    const names = [...new Set(rows.map((row) => row['Client name']))];
    expect(names).toEqual(["'=HYPERLINK(\"http://evil.example\",\"Click\")", "'+1 555", "'@x", '佐藤 美咲', 'Hélène Dupré', 'Zoë Ångström']);
    // A phone number starts with +: neutralised too, so Excel shows it as written.
    expect(rows.find((row) => row.Channel === 'Text')?.Address).toBe("'+14155552671");

    const byClientChannel = (index: number, channel: string) => rows.find((row) => row['Client id'] === String(contactIds[index]) && row.Channel === channel);
    expect(STATUSES.sms.map((_, index) => byClientChannel(index, 'Text')?.Status)).toEqual(['Delivered', 'Not delivered', 'Failed', 'Sent, no report', 'Unsure', 'Sent']);
    expect(STATUSES.email.map((_, index) => byClientChannel(index, 'Email')?.Status)).toEqual(['Sent', 'Skipped', 'Not sent (cancelled)', 'Queued', 'Sending', 'Delivered']);

    const delivered = byClientChannel(0, 'Text');
    expect(delivered).toMatchObject({
      Broadcast: 'Spring offer!',
      Day: '1',
      'Status meaning': 'It reached the phone or inbox.',
      'Provider message id': 'SMsms0',
      'Queued (Europe/Paris)': '2026-12-04 13:00',
      'Sent (Europe/Paris)': '2026-12-04 14:05',
      'Delivered (Europe/Paris)': '2026-12-04 14:07',
      'Failed (Europe/Paris)': '',
      'Sent (UTC)': ACCEPTED,
      Segments: '1',
      // ';' separates, so amounts take a decimal comma, as Excel in France reads them.
      'Estimated cost (EUR)': '0,0083',
      'Actual cost': '0,0079',
      'Actual cost currency': 'USD',
      Replied: 'No',
      'Opted out after': 'Yes',
    });
    expect(byClientChannel(1, 'Text')).toMatchObject({ 'Error code': '30003', Reason: 'Phone switched off or out of range', 'Delivered (Europe/Paris)': '', 'Failed (Europe/Paris)': '2026-12-04 14:07', 'Sent (Europe/Paris)': '2026-12-04 14:05' });
    expect(byClientChannel(2, 'Text')).toMatchObject({ 'Error code': '21614', Reason: 'Not a mobile number', 'Sent (Europe/Paris)': '', 'Sent (UTC)': '', 'Failed (Europe/Paris)': '2026-12-04 14:07' });
    expect(byClientChannel(3, 'Text')).toMatchObject({ Replied: 'Yes', 'Opted out after': 'No' });
    expect(byClientChannel(5, 'Text')?.Replied).toBe('No');
    // The file is deleted once read.
    expect(readdirSync(join(dir.path, 'exports'))).toEqual([]);
  });

  it("totals equal the counts of the file's rows and the screen's counts for the same filter", async () => {
    const { result, rows } = await report(',');
    expect(countRows(rows)).toEqual(result.totals);
    expect(result.totals).toMatchObject({ recipients: 12, delivered: 2, failed: 2, pending: 2, unsure: 1, skipped: 1, cancelled: 1, optedOut: 1, replied: 1, sent: 6, tried: 7 });
    const sqlite = new Database(join(dir.path, 'salon.db'), { readonly: true });
    try {
      expect(countDeliveries(sqlite, { broadcastId }, 'Europe/Paris')).toEqual(result.totals);
    } finally {
      sqlite.close();
    }
    expect(await call(core, 'tracking.summary', { filter: { broadcastId } })).toEqual(result.totals);
  });

  it('writes commas with decimal points by default, and narrows to a channel and statuses', async () => {
    const { result, rows } = await report(',', { broadcastId, channel: 'sms', statuses: ['delivered', 'failed'] });
    expect(rows.map((row) => row.Status)).toEqual(['Delivered', 'Failed']);
    expect(rows[0]?.['Estimated cost (EUR)']).toBe('0.0083');
    expect(countRows(rows)).toEqual(result.totals);
  });

  it('covers a date range across every broadcast, named by its dates', async () => {
    const autumn = await createBroadcast(core, { name: 'Autumn', type: 'sms', body: 'Hello' });
    await call(core, 'broadcasts.launch', { id: autumn.id });
    const db = new Database(join(dir.path, 'salon.db'));
    db.prepare("UPDATE deliveries SET status = 'delivered', accepted_at = '2026-11-20T10:00:00.000Z', final_at = '2026-11-20T10:01:00.000Z' WHERE campaign_id = ?").run(autumn.id);
    db.close();

    const both = await report(',', { from: '2026-11-20', to: '2026-12-04' });
    expect(new Set(both.rows.map((row) => row.Broadcast))).toEqual(new Set(['Spring offer!', 'Autumn']));
    expect(both.rows.filter((row) => row.Broadcast === 'Autumn')).toHaveLength(6);
    expect(both.result.fileName).toBe('delivery-report-2026-11-20-to-2026-12-04.csv');
    expect(countRows(both.rows)).toEqual(both.result.totals);

    const november = await report(',', { from: '2026-11-01', to: '2026-11-30', channel: 'sms' });
    expect(november.rows.map((row) => row.Broadcast)).toEqual(Array(6).fill('Autumn'));
    expect(november.rows[0]?.['Delivered (Europe/Paris)']).toBe('2026-11-20 11:01');
    expect(november.result.totals).toMatchObject({ recipients: 6, delivered: 6 });

    const none = await report(',', { from: '2026-12-01', to: '2026-12-02' });
    expect(none.rows).toEqual([]);
    expect(none.result.totals.recipients).toBe(0);
  });

  it('finds a client by part of the name, without regard to accents', async () => {
    const { rows, result } = await report(',', { broadcastId, search: 'helene' });
    expect(rows.map((row) => [row['Client name'], row.Channel])).toEqual([
      ['Hélène Dupré', 'Text'],
      ['Hélène Dupré', 'Email'],
    ]);
    expect(result.totals.recipients).toBe(2);
  });

  it('refuses a broadcast that does not exist', async () => {
    expect((await callFailing(core, 'reports.deliveriesCsv', { filter: { broadcastId: 999 } })).code).toBe('not_found');
  });

  it('says saving through a dialog is for the desktop app on the web host', async () => {
    const { fileId, fileName } = await call(core, 'reports.deliveriesCsv', { filter: { broadcastId } });
    const refused = await callFailing(core, 'exports.saveAs', { fileId, fileName });
    expect(refused).toEqual({ code: 'not_available', message: 'Saving through a dialog is for the desktop app; in the browser the file downloads.' });
  });
});

describe('saving an export through the desktop dialog', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  const asked: string[] = [];
  let answer: string | null = null;

  beforeEach(async () => {
    dir = tempDir();
    asked.length = 0;
    core = createTestCore(dir.path, {
      chooseSavePath: async (fileName) => {
        asked.push(fileName);
        return answer;
      },
    });
    await call(core, 'contacts.create', { name: 'Hélène', email: 'h@salon.dev' });
  });

  afterEach(async () => {
    await core.stop();
    dir.remove();
  });

  it('copies the file where the owner chose, then deletes the export', async () => {
    const { fileId, fileName } = await call(core, 'contacts.export', { target: { kind: 'matching' } });
    answer = join(dir.path, 'chosen.csv');
    expect(await call(core, 'exports.saveAs', { fileId, fileName })).toEqual({ saved: true, path: answer });
    expect(asked).toEqual([fileName]);
    expect(readFileSync(answer, 'utf8')).toMatch(/^\ufeffName,.*\r?\nHélène,/);
    expect(readdirSync(join(dir.path, 'exports'))).toEqual([]);
    expect((await callFailing(core, 'exports.chunk', { fileId, offset: 0 })).code).toBe('not_found');
  });

  it('saves nothing when the owner cancels', async () => {
    const { fileId, fileName } = await call(core, 'contacts.export', { target: { kind: 'matching' } });
    answer = null;
    expect(await call(core, 'exports.saveAs', { fileId, fileName })).toEqual({ saved: false, path: null });
    expect(readdirSync(dir.path).filter((name) => name.endsWith('.csv'))).toEqual([]);
    expect(readdirSync(join(dir.path, 'exports'))).toEqual([]);
  });

  it('asks nothing for an export already taken', async () => {
    expect((await callFailing(core, 'exports.saveAs', { fileId: 'abcdefgh-0000', fileName: 'x.csv' })).code).toBe('not_found');
    expect(asked).toEqual([]);
  });

  it('says in plain words when the chosen place cannot be written', async () => {
    const { fileId, fileName } = await call(core, 'contacts.export', { target: { kind: 'matching' } });
    answer = join(dir.path, 'no-such-folder', 'chosen.csv');
    const failed = await callFailing(core, 'exports.saveAs', { fileId, fileName });
    expect(failed.message).toContain(`The file could not be saved to ${answer}`);
  });
});
