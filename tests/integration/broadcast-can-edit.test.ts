import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { createBroadcast } from '../support/broadcasts';
import { call, callFailing, createTestCore, tempDir } from '../support/test-core';

// Friday 6 March 2026, 09:00 in Chicago.
const START = new Date('2026-03-06T15:00:00Z');

describe('BroadcastDto.canEdit says exactly when broadcasts.edit is allowed', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  let now: Date;

  /** canEdit as listed and as fetched, and whether editing then succeeds (the edit is undone by a relaunch). */
  async function editability(id: number): Promise<{ listed: boolean; fetched: boolean; edited: boolean }> {
    const listed = (await call(core, 'broadcasts.list', { search: '', sort: 'created', direction: 'asc' })).find((b) => b.id === id)?.canEdit ?? false;
    const fetched = (await call(core, 'broadcasts.get', { id })).canEdit;
    const result = await core.dispatch('broadcasts.edit', { id });
    if (result.ok) await call(core, 'broadcasts.launch', { id });
    return { listed, fetched, edited: result.ok };
  }

  beforeEach(async () => {
    dir = tempDir();
    now = START;
    core = createTestCore(dir.path, { clock: { now: () => now } });
    await call(core, 'settings.update', { timeZone: 'America/Chicago' });
    await call(core, 'contacts.create', { name: 'Ana Lopez', phone: '(415) 555-2671', consent: { sms: 'granted', email: 'unknown' } });
  });

  afterEach(async () => {
    await core.stop();
    dir.remove();
  });

  it('is true for a scheduled broadcast before its time, false once it is due, and false for drafts and sends now', async () => {
    const later = await createBroadcast(core, { name: 'Later', body: 'Hi', sendAt: '2026-03-09T10:00' });
    expect(later.canEdit).toBe(false);
    await expect(callFailing(core, 'broadcasts.edit', { id: later.id })).resolves.toMatchObject({ code: 'conflict' });

    await call(core, 'broadcasts.launch', { id: later.id });
    expect(await editability(later.id)).toEqual({ listed: true, fetched: true, edited: true });

    // One millisecond before Day 1 (10:00 Chicago is 15:00 UTC on 9 March, after the clocks changed).
    now = new Date('2026-03-09T14:59:59.999Z');
    expect(await editability(later.id)).toEqual({ listed: true, fetched: true, edited: true });
    now = new Date('2026-03-09T15:00:00.000Z');
    expect(await editability(later.id)).toEqual({ listed: false, fetched: false, edited: false });

    const rightAway = await createBroadcast(core, { name: 'Now', body: 'Hi' });
    await call(core, 'broadcasts.launch', { id: rightAway.id });
    expect(await editability(rightAway.id)).toEqual({ listed: false, fetched: false, edited: false });
  });
});
