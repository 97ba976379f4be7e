import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { call, callFailing, createTestCore, tempDir, waitFor } from '../support/test-core';
import { createBroadcast } from '../support/broadcasts';

// Tuesday 10 March 2026, 09:00 in Chicago.
const START = new Date('2026-03-10T14:00:00Z');
const TEXTS = { sms: 'granted', email: 'unknown' } as const;

describe('broadcast lifecycle', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  let now: Date;
  const advance = (ms: number) => (now = new Date(now.getTime() + ms));
  const db = () => new Database(join(dir.path, 'salon.db'), { readonly: true });
  const sentBodies = () => {
    const reader = db();
    const bodies = reader.prepare('SELECT "to", body FROM sandbox_messages ORDER BY id').all() as Array<{ to: string; body: string }>;
    reader.close();
    return bodies;
  };
  /** Let the ticker run, moving the clock on so sandbox messages settle. */
  const settle = async (id: number, status: string) =>
    waitFor(async () => {
      advance(10_000);
      await core.catchUp();
      const b = await call(core, 'broadcasts.get', { id });
      return b.status === status ? b : undefined;
    });

  beforeEach(async () => {
    dir = tempDir();
    now = START;
    core = createTestCore(dir.path, { clock: { now: () => now } });
    await call(core, 'settings.update', { timeZone: 'America/Chicago', salonName: 'Luxe Hair', postalAddress: '1 Main St, Springfield' });
    await call(core, 'contacts.create', { name: 'Ana Lopez', firstName: 'Ana', phone: '(415) 555-2671', email: 'ana@salon.dev', consent: { sms: 'granted', email: 'granted' } });
    await call(core, 'contacts.create', { name: 'Di Evans', phone: '415.555.2600', consent: TEXTS });
    core.start();
  });

  afterEach(async () => {
    await core.stop();
    dir.remove();
  });

  it('fills tokens per recipient, adds the opt-out line to texts and the salon’s footer to emails', async () => {
    const text = await createBroadcast(core, { name: 'Hello', type: 'sms', body: 'Hi {{firstName|there}}, {{salonName}} misses you!' });
    await call(core, 'broadcasts.launch', { id: text.id });
    await settle(text.id, 'completed');
    expect(sentBodies()).toEqual([
      { to: '+14155552671', body: 'Hi Ana, Luxe Hair misses you!\nReply STOP to opt out' },
      { to: '+14155552600', body: 'Hi Di, Luxe Hair misses you!\nReply STOP to opt out' },
    ]);

    const email = await createBroadcast(core, { name: 'News', type: 'email', subject: 'For {{firstName}}', body: 'New colours are in.' });
    await call(core, 'broadcasts.launch', { id: email.id });
    await settle(email.id, 'completed');
    const reader = db();
    expect(reader.prepare(`SELECT subject, body FROM sandbox_messages WHERE channel = 'email'`).get()).toEqual({
      subject: 'For Ana',
      body: 'New colours are in.\n\n—\nLuxe Hair\n1 Main St, Springfield\nTo stop receiving these emails, reply with “unsubscribe”.',
    });
    reader.close();
  });

  it('waits as scheduled until its time on the salon’s clock, then sends', async () => {
    const draft = await createBroadcast(core, { name: 'Tomorrow', type: 'sms', body: 'See you', sendAt: '2026-03-11T10:30' });
    expect(draft.steps[0]).toMatchObject({ sendAt: '2026-03-11T10:30', schedule: null });
    const launched = await call(core, 'broadcasts.launch', { id: draft.id });
    expect(launched.steps[0]?.schedule).toEqual({ local: '2026-03-11T10:30', zone: 'America/Chicago', utc: '2026-03-11T15:30:00.000Z', note: null });
    expect(launched).toMatchObject({ status: 'scheduled', stats: { recipients: 2, pending: 2 } });
    advance(60 * 60_000);
    await core.catchUp();
    expect((await call(core, 'broadcasts.get', { id: draft.id })).status).toBe('scheduled');
    expect(sentBodies()).toEqual([]);

    now = new Date('2026-03-11T15:30:00Z');
    const done = await settle(draft.id, 'completed');
    expect(done.stats).toMatchObject({ delivered: 2, pending: 0 });
  });

  it('moves a time in quiet hours to the next morning and refuses a time that has passed', async () => {
    const late = await createBroadcast(core, { name: 'Late', type: 'sms', body: 'Hi', sendAt: '2026-03-10T22:15' });
    const launched = await call(core, 'broadcasts.launch', { id: late.id });
    expect(launched.steps[0]?.schedule).toMatchObject({ local: '2026-03-11T08:00' });
    expect(launched.steps[0]?.schedule?.note).toMatch(/quiet hours/);
    const past = await createBroadcast(core, { name: 'Past', type: 'sms', body: 'Hi', sendAt: '2026-03-10T08:30' });
    expect(await callFailing(core, 'broadcasts.launch', { id: past.id })).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'steps.0.sendAt', message: 'Day 1: that time has passed. Pick a later one.' }],
    });
    expect((await call(core, 'broadcasts.get', { id: past.id })).status).toBe('draft');
  });

  it('says what pausing, resuming and cancelling would do, then does exactly that', async () => {
    const draft = await createBroadcast(core, { name: 'Later', type: 'sms', body: 'Hi', sendAt: '2026-03-12T10:00' });
    await call(core, 'broadcasts.launch', { id: draft.id });

    const pause = await call(core, 'broadcasts.effect', { id: draft.id, action: 'pause' });
    expect(pause).toMatchObject({ allowed: true, waiting: 2, message: '2 messages not yet sent will wait until you resume.' });
    expect(await call(core, 'broadcasts.effect', { id: draft.id, action: 'resume' })).toMatchObject({ allowed: false });
    expect((await call(core, 'broadcasts.pause', { id: draft.id })).status).toBe('paused');

    // Paused past its time: nothing goes out.
    now = new Date('2026-03-12T16:00:00Z');
    await core.catchUp();
    expect(sentBodies()).toEqual([]);

    const cancel = await call(core, 'broadcasts.effect', { id: draft.id, action: 'cancel' });
    expect(cancel.message).toBe('2 messages not yet sent will never be sent. This cannot be undone.');
    const cancelled = await call(core, 'broadcasts.cancel', { id: draft.id });
    expect(cancelled).toMatchObject({ status: 'cancelled', stats: { recipients: 2, pending: 0, cancelled: 2 } });
    await core.catchUp();
    expect(sentBodies()).toEqual([]);
    expect(await callFailing(core, 'broadcasts.resume', { id: draft.id })).toMatchObject({ code: 'conflict' });

    const reader = db();
    const actions = reader.prepare(`SELECT action FROM audit_log WHERE subject = ? ORDER BY id`).pluck().all(`campaign:${draft.id}`);
    expect(actions).toEqual(['broadcast.created', 'broadcast.launched', 'broadcast.paused', 'broadcast.cancelled']);
    reader.close();
  });

  it('resumes a paused broadcast and sends what waited', async () => {
    const draft = await createBroadcast(core, { name: 'Soon', type: 'sms', body: 'Hi', sendAt: '2026-03-10T12:00' });
    await call(core, 'broadcasts.launch', { id: draft.id });
    await call(core, 'broadcasts.pause', { id: draft.id });
    now = new Date('2026-03-10T19:00:00Z');
    await core.catchUp();
    expect(sentBodies()).toEqual([]);
    expect(await call(core, 'broadcasts.effect', { id: draft.id, action: 'resume' })).toMatchObject({ allowed: true, waiting: 2 });
    await call(core, 'broadcasts.resume', { id: draft.id });
    const done = await settle(draft.id, 'completed');
    expect(done.stats.delivered).toBe(2);
  });

  it('duplicates a broadcast as a new draft with the same content', async () => {
    const original = await createBroadcast(core, { name: 'Spring', type: 'email', subject: 'Hi', body: 'Body', sendAt: '2026-03-12T10:00' });
    await call(core, 'broadcasts.launch', { id: original.id });
    const copy = await call(core, 'broadcasts.duplicate', { id: original.id });
    expect(copy).toMatchObject({
      name: 'Spring (copy)',
      status: 'draft',
      type: 'email',
      steps: [{ day: 1, email: { subject: 'Hi', body: 'Body' }, sendAt: null, schedule: null }],
    });
    expect(copy.id).not.toBe(original.id);
  });

  it('lists broadcasts by search and status, sorted as asked', async () => {
    for (const name of ['Spring offer', 'Summer offer', 'Birthday']) {
      await createBroadcast(core, { name, type: 'sms', body: 'Hi' });
      advance(1000);
    }
    await call(core, 'broadcasts.launch', { id: 3 });
    const names = async (query: Parameters<typeof call<'broadcasts.list'>>[2]) => (await call(core, 'broadcasts.list', query)).map((b) => b.name);
    expect(await names({})).toEqual(['Birthday', 'Summer offer', 'Spring offer']);
    expect(await names({ search: 'offer', sort: 'name', direction: 'asc' })).toEqual(['Spring offer', 'Summer offer']);
    expect(await names({ status: 'draft' })).toEqual(['Summer offer', 'Spring offer']);
  });
});
