import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { AutomationDto, AutomationKind } from '../../shared/automations';
import { createBroadcast } from '../support/broadcasts';
import { csvText, fileBytes, importFile } from '../support/csv-fixtures';
import { finished, testClock, type TestClock } from '../support/live-sending';
import { call, callFailing, createTestCore, tempDir, waitFor } from '../support/test-core';

// Issue 15: automations run by themselves from the tick, each occasion at most once, by the salon's
// own clock and rules, within the weekly cap shared with broadcasts.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Salon {
  core: Core;
  clock: TestClock;
  dir: string;
  /** Stop this core and open another on the same folder and clock (a restart, or a kill). */
  restart: () => Promise<Core>;
}

async function salon(startAt: string, timeZone: string, options: { frequencyCap?: number | null } = {}): Promise<Salon> {
  const clock = testClock(new Date(startAt));
  const dir = tempDir();
  const log = { info: () => {}, warn: console.warn, error: console.error, debug: () => {} };
  let core = createTestCore(dir.path, { clock, log: log as never });
  cleanups.push(
    () => dir.remove(),
    () => core.stop(),
  );
  await call(core, 'settings.update', { timeZone, frequencyCap: options.frequencyCap === undefined ? 2 : options.frequencyCap });
  core.start();
  return {
    get core() {
      return core;
    },
    clock,
    dir: dir.path,
    restart: async () => {
      await core.stop();
      core = createTestCore(dir.path, { clock });
      core.start();
      return core;
    },
  };
}

interface Client {
  name: string;
  phone?: string;
  birthday?: string;
  lastVisitAt?: string;
  clientSince?: string;
  nextAppointmentAt?: string;
  visitCount?: number;
  smsConsent?: 'granted' | 'unknown';
}

let phoneSeq = 0;
async function addClient(core: Core, { smsConsent = 'granted', ...client }: Client): Promise<number> {
  const phone = client.phone ?? `+1415555${String(1000 + (phoneSeq++ % 9000)).padStart(4, '0')}`;
  const created = await call(core, 'contacts.create', { ...client, phone, consent: { sms: smsConsent, email: 'unknown' } });
  return created.id;
}

async function automation(core: Core, kind: AutomationKind): Promise<AutomationDto> {
  const found = (await call(core, 'automations.list', {})).find((a) => a.kind === kind);
  if (!found) throw new Error(`no ${kind} automation`);
  return found;
}

async function turnOn(core: Core, kind: AutomationKind, change: Partial<AutomationDto> = {}): Promise<AutomationDto> {
  const current = await automation(core, kind);
  const { name, type, days, audience, sms, email, sendTime, exemptFromCap, skipIfBooked, skipIfVisitedWithinDays } = { ...current, ...change };
  await call(core, 'automations.update', {
    id: current.id,
    automation: { name, type, days, audience, sms, email, sendTime, exemptFromCap, skipIfBooked, skipIfVisitedWithinDays },
  });
  return call(core, 'automations.setEnabled', { id: current.id, enabled: true });
}

/** Run the tick now, past the runner's once-a-minute look. */
async function tick(salonNow: Salon, advanceMs = 61_000): Promise<void> {
  salonNow.clock.advance(advanceMs);
  // The first may join a tick that began before the clock moved; the second is a tick of its own.
  await salonNow.core.catchUp();
  await salonNow.core.catchUp();
}

/** Wait for a broadcast (or an automation's run) to complete, the clock moving a second per look. */
function settled(salonNow: Salon, id: number) {
  return finished(salonNow.core, id, {
    beforeEachLook: () => {
      salonNow.clock.advance(1_000);
      return salonNow.core.catchUp();
    },
  });
}

async function decisions(core: Core, id: number) {
  return (await call(core, 'automations.history', { id })).items;
}

describe('automations', () => {
  it('birthday: due N days before a year-less birthday at the salon’s send time, once, across restarts; an opted-out client is skipped with why', async () => {
    // 09:30 in Paris while the machine's zone is another: nothing before 10:00 salon time.
    const s = await salon('2026-03-10T08:30:00Z', 'Europe/Paris');
    const ana = await addClient(s.core, { name: 'Ana Lopez', birthday: '--03-17' });
    const ben = await addClient(s.core, { name: 'Ben Okafor', birthday: '1990-03-17', smsConsent: 'unknown' });
    await addClient(s.core, { name: 'Cleo Martin', birthday: '--03-18' });
    const birthday = await turnOn(s.core, 'birthday');
    expect(birthday.description).toBe('7 days before the birthday, at 10:00');

    await tick(s, 1_000);
    expect(await decisions(s.core, birthday.id)).toEqual([]);

    s.clock.set(new Date('2026-03-10T09:01:00Z')); // 10:01 in Paris
    await tick(s, 0);
    const made = await decisions(s.core, birthday.id);
    expect(made.map((d) => [d.contactName, d.occasion, d.outcome, d.reason])).toEqual(
      expect.arrayContaining([
        ['Ana Lopez', '2026', 'sent', null],
        ['Ben Okafor', '2026', 'skipped', 'Can’t be reached: hasn’t agreed to texts'],
      ]),
    );
    expect(made).toHaveLength(2);
    const run = made.find((d) => d.contactId === ana)?.broadcastId;
    if (!run) throw new Error('no run');
    const done = await settled(s, run);
    expect(done).toMatchObject({ automationId: birthday.id, stats: { recipients: 1, sent: 1 } });
    // Runs are the automation's, not the owner's broadcasts.
    expect(await call(s.core, 'broadcasts.list', {})).toEqual([]);
    expect((await call(s.core, 'broadcasts.list', { automationId: birthday.id })).map((b) => b.id)).toEqual([run]);

    // Restarts, later ticks, the clock set back an hour: nothing fires twice.
    const again = await s.restart();
    await tick(s);
    s.clock.advance(-3_600_000);
    await again.catchUp();
    await tick(s, 3 * 3_600_000);
    expect(await decisions(again, birthday.id)).toHaveLength(2);
    const messages = await call(again, 'tracking.summary', { filter: { automationId: birthday.id } });
    expect(messages).toMatchObject({ recipients: 1, sent: 1 });
    expect((await call(again, 'contacts.automationLog', { id: ben }))[0]).toMatchObject({ automationName: 'Birthday', outcome: 'skipped' });
  });

  it('a 29 February birthday is wished on 28 February in other years', async () => {
    const s = await salon('2027-02-21T15:00:00Z', 'UTC');
    await addClient(s.core, { name: 'Leap Day', birthday: '--02-29' });
    const birthday = await turnOn(s.core, 'birthday');
    await tick(s, 0);
    expect((await decisions(s.core, birthday.id)).map((d) => [d.contactName, d.occasion, d.outcome])).toEqual([['Leap Day', '2027', 'sent']]);
  });

  it('after the PC was off: a late birthday message goes while the birthday is still to come, and is skipped with why once it has passed', async () => {
    const s = await salon('2026-05-01T15:00:00Z', 'UTC');
    const soon = await addClient(s.core, { name: 'Still To Come', birthday: '--05-12' }); // due 5 May
    const missed = await addClient(s.core, { name: 'Just Missed', birthday: '--05-09' }); // due 2 May
    const before = await addClient(s.core, { name: 'Before Turned On', birthday: '--05-06' }); // due 29 April
    const birthday = await turnOn(s.core, 'birthday');
    await tick(s, 0);
    expect(await decisions(s.core, birthday.id)).toEqual([]);
    // Off from 1 May to 10 May at 15:00.
    s.clock.set(new Date('2026-05-10T15:00:00Z'));
    await tick(s, 0);
    const byClient = new Map((await decisions(s.core, birthday.id)).map((d) => [d.contactId, d]));
    expect(byClient.get(soon)).toMatchObject({ outcome: 'sent', occasion: '2026' });
    expect(byClient.get(missed)).toMatchObject({ outcome: 'skipped', reason: 'The birthday (2026-05-09) passed while the app was closed' });
    // Due before the automation was turned on: never looked at, so nothing is sent by surprise.
    expect(byClient.has(before)).toBe(false);
    expect(byClient.size).toBe(2);
  });

  it('a birthday the app could not send before it passed is skipped with that reason, never sent late', async () => {
    const s = await salon('2026-05-01T15:00:00Z', 'UTC');
    await call(s.core, 'sending.setPaused', { paused: true });
    const client = await addClient(s.core, { name: 'Paused Birthday', birthday: '--05-08' });
    const birthday = await turnOn(s.core, 'birthday');
    await tick(s, 0);
    expect(await call(s.core, 'contacts.automationLog', { id: client })).toMatchObject([{ outcome: 'sent' }]);
    s.clock.set(new Date('2026-05-09T12:00:00Z'));
    await call(s.core, 'sending.setPaused', { paused: false });
    await tick(s, 0);
    expect(await call(s.core, 'contacts.automationLog', { id: client })).toMatchObject([
      { outcome: 'skipped', reason: 'Not sent: the birthday passed before it could be sent.' },
    ]);
    expect(await call(s.core, 'tracking.summary', { filter: { automationId: birthday.id } })).toMatchObject({ sent: 0, skipped: 1 });
  });

  it('the weekly cap is shared with broadcasts: a third message in 7 days is skipped as "frequency cap", a birthday exempt from it still goes', async () => {
    const s = await salon('2026-06-01T09:00:00Z', 'UTC', { frequencyCap: 2 });
    const client = await addClient(s.core, { name: 'Often Texted', lastVisitAt: '2026-04-27', birthday: '--06-12' });
    for (const name of ['June offer', 'Summer hours']) {
      const draft = await createBroadcast(s.core, { name, body: `${name}: see you soon` });
      await call(s.core, 'broadcasts.launch', { id: draft.id });
      await settled(s, draft.id);
    }
    // A third broadcast's review says who is at the cap before it is launched.
    const third = await createBroadcast(s.core, { name: 'One more', body: 'And another thing' });
    const review = await call(s.core, 'broadcasts.review', { id: third.id });
    expect(review.warnings).toEqual([expect.stringContaining('1 client has already had 2 messages in the last 7 days')]);
    const rebook = await turnOn(s.core, 'rebook'); // 35 days after 27 April: 1 June, at 11:00
    const birthday = await turnOn(s.core, 'birthday'); // 7 days before 12 June: 5 June
    s.clock.set(new Date('2026-06-01T11:30:00Z'));
    await tick(s, 0);
    await waitFor(async () => ((await call(s.core, 'tracking.summary', { filter: { automationId: rebook.id } })).pending === 0 ? true : undefined));
    expect(await call(s.core, 'contacts.automationLog', { id: client })).toMatchObject([
      { automationName: 'Rebook reminder', outcome: 'skipped', reason: 'Not sent: this client already got 2 messages in the last 7 days (frequency cap).' },
    ]);
    s.clock.set(new Date('2026-06-05T10:30:00Z'));
    await tick(s, 0);
    await waitFor(async () => ((await call(s.core, 'tracking.summary', { filter: { automationId: birthday.id } })).sent === 1 ? true : undefined));
    expect(await call(s.core, 'tracking.summary', { filter: { automationId: rebook.id, reason: 'frequency_cap' } })).toMatchObject({ skipped: 1 });
    expect(await call(s.core, 'contacts.automationLog', { id: client })).toMatchObject([{ automationName: 'Birthday', outcome: 'sent' }, { outcome: 'skipped' }]);
  });

  it('an opt-out between the decision and the send: the text is not sent', async () => {
    const s = await salon('2026-06-01T15:00:00Z', 'UTC', { frequencyCap: null });
    await call(s.core, 'sending.setPaused', { paused: true });
    const client = await addClient(s.core, { name: 'Changed Mind', clientSince: '2026-05-30' });
    const firstVisit = await turnOn(s.core, 'first_visit');
    await tick(s, 0);
    expect(await call(s.core, 'contacts.automationLog', { id: client })).toMatchObject([{ outcome: 'sent' }]);
    await call(s.core, 'contacts.setConsent', { id: client, channel: 'sms', status: 'opted_out', reason: 'Asked at the desk not to get texts' });
    await call(s.core, 'sending.setPaused', { paused: false });
    await tick(s, 0);
    await waitFor(async () => ((await call(s.core, 'tracking.summary', { filter: { automationId: firstVisit.id } })).skipped === 1 ? true : undefined));
    expect(await call(s.core, 'contacts.automationLog', { id: client })).toMatchObject([{ outcome: 'skipped' }]);
  });

  it('turned off, an automation sends nothing more: what its run still had waiting is cancelled, with why on the client', async () => {
    const s = await salon('2026-06-01T15:00:00Z', 'UTC', { frequencyCap: null });
    await call(s.core, 'sending.setPaused', { paused: true });
    const client = await addClient(s.core, { name: 'Not Yet Sent', clientSince: '2026-05-30' });
    const firstVisit = await turnOn(s.core, 'first_visit');
    expect(await call(s.core, 'contacts.automationLog', { id: client })).toMatchObject([{ outcome: 'sent' }]);
    await call(s.core, 'automations.setEnabled', { id: firstVisit.id, enabled: false });
    await call(s.core, 'sending.setPaused', { paused: false });
    await tick(s, 0);
    expect(await call(s.core, 'tracking.summary', { filter: { automationId: firstVisit.id } })).toMatchObject({ cancelled: 1, sent: 0 });
    expect(await call(s.core, 'contacts.automationLog', { id: client })).toMatchObject([{ outcome: 'skipped', reason: expect.stringContaining('cancelled before it went') }]);
  });

  it('rebook: a booked client is skipped with the date; a new last visit is a new occasion, the same visit never twice', async () => {
    const s = await salon('2026-06-01T15:00:00Z', 'UTC', { frequencyCap: null });
    const booked = await addClient(s.core, { name: 'Booked Already', lastVisitAt: '2026-04-27', nextAppointmentAt: '2026-06-09' });
    const due = await addClient(s.core, { name: 'Due Back', phone: '+14155552671', lastVisitAt: '2026-04-27' });
    const rebook = await turnOn(s.core, 'rebook');
    await tick(s, 0);
    expect(await call(s.core, 'contacts.automationLog', { id: booked })).toMatchObject([
      { outcome: 'skipped', reason: 'An appointment is booked for 2026-06-09' },
    ]);
    expect(await call(s.core, 'contacts.automationLog', { id: due })).toMatchObject([{ outcome: 'sent', occasion: '2026-04-27' }]);

    // The booking system's next export, imported again: Due Back came on 2 June.
    const csv = csvText(['Name,Mobile,Last Visit,Total Visits,Next Appointment', 'Due Back,415-555-2671,2026-06-02,2,']);
    await importFile(s.core, 'bookings.csv', fileBytes(csv, 'utf-8'), { mergeRule: 'overwrite' });
    s.clock.set(new Date('2026-07-07T15:00:00Z'));
    await tick(s, 0);
    const log = await call(s.core, 'contacts.automationLog', { id: due });
    expect(log.map((d) => [d.occasion, d.outcome])).toEqual([
      ['2026-06-02', 'sent'],
      ['2026-04-27', 'sent'],
    ]);
    expect((await decisions(s.core, rebook.id)).length).toBe(3);
  });

  it('win-back reaches regulars only; welcome greets clients added after it was turned on, not the list already there', async () => {
    const s = await salon('2026-06-01T15:00:00Z', 'UTC', { frequencyCap: null });
    const regular = await addClient(s.core, { name: 'Regular', lastVisitAt: '2026-04-02', visitCount: 5 });
    const once = await addClient(s.core, { name: 'Came Once', lastVisitAt: '2026-04-02', visitCount: 1 });
    const existing = await addClient(s.core, { name: 'Already Here' });
    await turnOn(s.core, 'win_back');
    await turnOn(s.core, 'welcome');
    s.clock.advance(1_000);
    const added = await addClient(s.core, { name: 'New Client' });
    await tick(s);
    expect(await call(s.core, 'contacts.automationLog', { id: regular })).toMatchObject([{ automationName: 'Win-back: lapsing regulars', outcome: 'sent' }]);
    expect(await call(s.core, 'contacts.automationLog', { id: once })).toEqual([]);
    expect(await call(s.core, 'contacts.automationLog', { id: existing })).toEqual([]);
    expect(await call(s.core, 'contacts.automationLog', { id: added })).toMatchObject([{ automationName: 'Welcome', occasion: 'welcome', outcome: 'sent' }]);
  });

  it('Welcome after a large import decides a batch per look, each client once, until all are greeted', async () => {
    const s = await salon('2026-06-01T15:00:00Z', 'UTC', { frequencyCap: null });
    const welcome = await turnOn(s.core, 'welcome');
    s.clock.advance(1_000);
    // An import of 2,500 clients who agreed to texts, written straight to the database.
    const other = new Database(join(s.dir, 'salon.db'));
    const insert = other.prepare(
      `INSERT INTO contacts (name, first_name, phone, sms_consent, created_at, updated_at) VALUES (?, ?, ?, 'granted', ?, ?)`,
    );
    const at = s.clock.now().toISOString();
    other.transaction(() => {
      for (let i = 0; i < 2_500; i++) insert.run(`Imported ${i}`, 'Imported', `+1415${String(3_000_000 + i).padStart(7, '0')}`, at, at);
    })();
    other.close();
    // The first look a minute on takes 2,000; the rest follows a second later.
    await tick(s);
    expect((await call(s.core, 'tracking.summary', { filter: { automationId: welcome.id } })).recipients).toBe(2_000);
    await tick(s, 2_000);
    const summary = await call(s.core, 'tracking.summary', { filter: { automationId: welcome.id } });
    expect(summary.recipients).toBe(2_500);
    const runs = await call(s.core, 'broadcasts.list', { automationId: welcome.id });
    expect(runs).toHaveLength(1);
    expect(runs[0]?.stats.recipients).toBe(2_500);
  });

  it('on the day clocks go forward, the salon’s 10:00 is 10:00 local, and a zone far from the machine’s keeps its own day', async () => {
    const s = await salon('2026-03-08T13:59:00Z', 'America/New_York'); // 09:59 EDT, the first day of DST
    await addClient(s.core, { name: 'Spring Forward', birthday: '--03-15' });
    const birthday = await turnOn(s.core, 'birthday');
    await tick(s, 0);
    expect(await decisions(s.core, birthday.id)).toEqual([]);
    await tick(s, 60_000); // 10:00 EDT
    expect((await decisions(s.core, birthday.id)).map((d) => d.outcome)).toEqual(['sent']);

    // Pacific/Kiritimati is UTC+14: at 11:00 UTC it is already tomorrow there.
    const far = await salon('2026-03-08T21:00:00Z', 'Pacific/Kiritimati'); // 9 March 11:00 local
    await addClient(far.core, { name: 'Tomorrow Already', birthday: '--03-16' });
    const farBirthday = await turnOn(far.core, 'birthday');
    await tick(far, 0);
    expect((await decisions(far.core, farBirthday.id)).map((d) => d.contactName)).toEqual(['Tomorrow Already']);
  });

  it('preview says who it would reach this week, and a rehearsal shows 30 days of sends, skips and cost without sending or saving anything', async () => {
    const s = await salon('2026-06-01T08:00:00Z', 'UTC');
    await addClient(s.core, { name: 'Ana', birthday: '--06-09' });
    await addClient(s.core, { name: 'Ben', birthday: '--06-20' });
    await addClient(s.core, { name: 'Cy', birthday: '--06-10', smsConsent: 'unknown' });
    await addClient(s.core, { name: 'Dee', birthday: '--07-20' });
    const birthday = await automation(s.core, 'birthday');
    const preview = await call(s.core, 'automations.preview', { id: birthday.id });
    expect(preview).toMatchObject({ total: 1, reach: { sms: 1, email: 0 }, skipped: 1 });
    expect(preview.sample.map((c) => [c.name, c.date])).toEqual([['Ana', '2026-06-02']]);
    const wider = await call(s.core, 'automations.preview', { id: birthday.id, automation: { ...edit(birthday), days: 14 } });
    expect(wider.sample.map((c) => c.name)).toEqual(['Ben']);

    const rehearsal = await call(s.core, 'automations.rehearse', { id: birthday.id, days: 30 });
    expect(rehearsal.days).toHaveLength(30);
    const sends = rehearsal.days.flatMap((day) => day.sends.map((send) => [day.date, send.name]));
    expect(sends).toEqual([
      ['2026-06-02', 'Ana'],
      ['2026-06-13', 'Ben'],
    ]);
    expect(rehearsal.days.flatMap((day) => day.skips.map((skip) => skip.name))).toEqual(['Cy']);
    expect(rehearsal.totals.cost).toBeGreaterThan(0);
    expect(await decisions(s.core, birthday.id)).toEqual([]);
    expect(await call(s.core, 'tracking.summary', { filter: {} })).toMatchObject({ recipients: 0 });
  });

  it('refuses to turn on an automation with a missing text or an unknown field, with what to fix', async () => {
    const s = await salon('2026-06-01T08:00:00Z', 'UTC');
    const birthday = await automation(s.core, 'birthday');
    await call(s.core, 'automations.update', { id: birthday.id, automation: { ...edit(birthday), sms: { body: 'Hi {{nickname}}', optOutLine: true } } });
    const refused = await callFailing(s.core, 'automations.setEnabled', { id: birthday.id, enabled: true });
    expect(refused).toMatchObject({ code: 'conflict' });
    expect(refused.message).toContain('Unknown field “nickname”');
    expect((await call(s.core, 'automations.get', { id: birthday.id })).enabled).toBe(false);
    expect(await callFailing(s.core, 'automations.history', { id: birthday.id, after: 'nonsense' })).toMatchObject({ code: 'invalid_input' });
    expect(await callFailing(s.core, 'automations.get', { id: 999 })).toMatchObject({ code: 'not_found' });
  });
});

function edit(a: AutomationDto) {
  const { name, type, days, audience, sms, email, sendTime, exemptFromCap, skipIfBooked, skipIfVisitedWithinDays } = a;
  return { name, type, days, audience, sms, email, sendTime, exemptFromCap, skipIfBooked, skipIfVisitedWithinDays };
}
