import Database from 'better-sqlite3';
import fc from 'fast-check';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { ClientTimelineItemDto } from '../../shared/tracking';
import { createBroadcast } from '../support/broadcasts';
import { call, callFailing, createTestCore, tempDir, waitFor } from '../support/test-core';

// Tuesday 10 March 2026, 11:00 in Chicago: inside the default quiet hours' sending window.
const T0 = Date.parse('2026-03-10T16:00:00.000Z');
const MINUTE = 60_000;
const LANDLINE = '+442079460000';

describe("a client's history: messages, replies and consent changes on one timeline", () => {
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  let now: number;
  const writer = () => new Database(join(dir.path, 'salon.db'));

  beforeEach(async () => {
    dir = tempDir();
    now = T0;
    core = createTestCore(dir.path, { clock: { now: () => new Date(now) } });
    await call(core, 'settings.update', { timeZone: 'America/Chicago' });
  });

  afterEach(async () => {
    await core.stop();
    dir.remove();
  });

  async function allPages(id: number, limit: number): Promise<ClientTimelineItemDto[]> {
    const items: ClientTimelineItemDto[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await call(core, 'contacts.history', { id, limit, ...(after && { after }) });
      expect(page.items.length).toBeLessThanOrEqual(limit);
      items.push(...page.items);
      if (page.next === null) return items;
      after = page.next;
    }
  }

  it('lists what happened newest first, with the reason in words, a page at a time', async () => {
    const { id } = await call(core, 'contacts.create', { name: 'Ōkubo 🌸 constructor', phone: LANDLINE, email: 'okubo@salon.dev', consent: { sms: 'granted', email: 'granted' } });
    const other = await call(core, 'contacts.create', { name: 'Other', phone: '+14155552600', consent: { sms: 'granted', email: 'unknown' } });

    now = T0 + MINUTE;
    const text = await createBroadcast(core, { name: '__proto__', body: 'Hi' });
    await call(core, 'broadcasts.launch', { id: text.id });
    core.start();
    // The sandbox refuses a landline at once, as Twilio does (21614).
    await waitFor(async () => ((await call(core, 'broadcasts.get', { id: text.id })).stats.failed === 1 ? true : undefined));

    const db = writer();
    db.prepare(
      `INSERT INTO inbound_messages (provider_message_id, from_phone, to_phone, body, received_at, contact_id) VALUES ('SM1', ?, '+15005550006', 'Wrong number?', ?, ?)`,
    ).run(LANDLINE, new Date(T0 + 2 * MINUTE).toISOString(), id);
    db.close();
    now = T0 + 3 * MINUTE;
    await call(core, 'contacts.setConsent', { id, channel: 'sms', status: 'opted_out', reason: 'Asked at the desk' });
    const email = await createBroadcast(core, { name: 'Spring', type: 'email', subject: 'Spring', body: 'Hello', sendAt: '2026-03-12T10:00' });
    await call(core, 'broadcasts.launch', { id: email.id });

    const items = await allPages(id, 50);
    expect(items.map((item) => item.kind)).toEqual(['message', 'consent', 'reply', 'message', 'consent', 'consent']);
    expect(items[0]).toMatchObject({ broadcastId: email.id, broadcastName: 'Spring', day: 1, channel: 'email', status: 'queued', at: '2026-03-12T15:00:00.000Z', reason: null });
    expect(items[1]).toMatchObject({ channel: 'sms', status: 'opted_out', source: 'Changed by hand: Asked at the desk' });
    expect(items[2]).toEqual({ kind: 'reply', at: new Date(T0 + 2 * MINUTE).toISOString(), body: 'Wrong number?' });
    expect(items[3]).toMatchObject({ broadcastName: '__proto__', channel: 'sms', status: 'failed', errorCode: '21614', reason: 'Not a mobile number' });
    expect(items.slice(4).map((item) => item.kind === 'consent' && item.channel).sort()).toEqual(['email', 'sms']);

    // Every page size gives the same timeline, each item once.
    for (const limit of [1, 2, 4]) expect(await allPages(id, limit)).toEqual(items);
    // The other client got the text too, and nothing else of the first client's.
    expect((await allPages(other.id, 50)).map((item) => item.kind)).toEqual(['message', 'consent']);
  });

  it('pages through items at the same instant without losing or repeating one (property)', async () => {
    const { id } = await call(core, 'contacts.create', { name: 'Ana', phone: '+14155552671', consent: { sms: 'granted', email: 'unknown' } });
    const db = writer();
    const reply = db.prepare(`INSERT INTO inbound_messages (provider_message_id, from_phone, to_phone, body, received_at, contact_id) VALUES (?, '+14155552671', '+15005550006', ?, ?, ?)`);
    const consent = db.prepare(`INSERT INTO consent_events (contact_id, channel, status, source, at) VALUES (?, 'sms', 'granted', ?, ?)`);
    let serial = 0;
    await fc.assert(
      fc.asyncProperty(
        // Few distinct instants, so many items tie on time.
        fc.array(fc.record({ reply: fc.boolean(), minute: fc.integer({ min: 0, max: 3 }) }), { maxLength: 25 }),
        fc.integer({ min: 1, max: 7 }),
        async (events, limit) => {
          db.prepare('DELETE FROM inbound_messages').run();
          db.prepare('DELETE FROM consent_events').run();
          for (const event of events) {
            const at = new Date(T0 + event.minute * MINUTE).toISOString();
            serial += 1;
            if (event.reply) reply.run(`SM${serial}`, `reply ${serial}`, at, id);
            else consent.run(id, `event ${serial}`, at);
          }
          const whole = (await call(core, 'contacts.history', { id, limit: 200 })).items;
          expect(whole).toHaveLength(events.length);
          expect(whole.map((item) => item.at)).toEqual(whole.map((item) => item.at).sort().reverse());
          expect(await allPages(id, limit)).toEqual(whole);
        },
      ),
      { numRuns: 40 },
    );
    db.close();
  });

  it('refuses a damaged cursor and an unknown client', async () => {
    const { id } = await call(core, 'contacts.create', { name: 'Ana', phone: '+14155552671', consent: { sms: 'granted', email: 'unknown' } });
    for (const after of ['not-a-cursor', Buffer.from('{"at":1}').toString('base64url'), Buffer.from('["x",0]').toString('base64url')]) {
      expect(await callFailing(core, 'contacts.history', { id, after })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('no longer valid') });
    }
    expect(await callFailing(core, 'contacts.history', { id: 999_999 })).toMatchObject({ code: 'not_found' });
    expect(await callFailing(core, 'contacts.markSmsUsable', { id: 999_999 })).toMatchObject({ code: 'not_found' });
  });
});
