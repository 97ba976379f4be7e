import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { CHANNELS, type BroadcastStatus, type Channel, type DeliveryStatus } from '../../shared/dto';
import type { DashboardDto } from '../../shared/tracking';
import { call, createTestCore, tempDir } from '../support/test-core';

// New York's clocks go forward at 02:00 on Sunday 8 March 2026 (07:00 UTC): that Sunday lasts 23 hours.
// "Now" is Sunday 23:30 in New York, already Monday 03:30 in UTC: the salon's today is still Sunday.
const NOW = new Date('2026-03-09T03:30:00.000Z');
const HOUR = 3_600_000;

interface Message {
  contactId: number;
  channel?: Channel;
  status: DeliveryStatus;
  acceptedAt?: string;
  dueAt?: string;
  /** 1-based day of the broadcast. */
  day?: number;
  price?: number;
  costEstimate?: number;
  provider?: string;
}

interface SeededBroadcast {
  name: string;
  status: BroadcastStatus;
  launchedAt: string;
  completedAt?: string;
  steps?: Array<{ sendAtUtc: string; missedAt?: string }>;
  messages: Message[];
}

describe('dashboard.stats', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  let db: Database.Database;

  beforeEach(async () => {
    dir = tempDir();
    core = createTestCore(dir.path, { clock: { now: () => NOW } });
    await call(core, 'settings.update', { timeZone: 'America/New_York', currency: 'EUR', budgetCap: 25 });
    db = new Database(join(dir.path, 'salon.db'));
  });

  afterEach(async () => {
    db.close();
    await core.stop();
    dir.remove();
  });

  /** Clients written straight into SQL, created at `createdAt`; returns their ids. */
  function clients(count: number, createdAt = '2026-01-15T12:00:00.000Z'): number[] {
    const insert = db.prepare(`INSERT INTO contacts (name, phone, sms_consent, created_at, updated_at) VALUES (?, ?, 'granted', ?, ?)`);
    const start = (db.prepare('SELECT COUNT(*) FROM contacts').pluck().get() as number) + 1;
    return Array.from({ length: count }, (_, i) =>
      Number(insert.run(`Client ${start + i}`, `+1415${String(3_000_000 + start + i)}`, createdAt, createdAt).lastInsertRowid),
    );
  }

  /** A broadcast and its messages as the engine would have left them. */
  function broadcast(b: SeededBroadcast): number {
    const id = Number(
      db
        .prepare(`INSERT INTO campaigns (name, status, type, created_at, launched_at, completed_at, updated_at) VALUES (?, ?, 'sms_email', ?, ?, ?, ?)`)
        .run(b.name, b.status, b.launchedAt, b.launchedAt, b.completedAt ?? null, b.completedAt ?? b.launchedAt).lastInsertRowid,
    );
    const steps = (b.steps ?? [{ sendAtUtc: b.launchedAt }]).map((step, index) =>
      Number(
        db
          .prepare(`INSERT INTO campaign_steps (campaign_id, day, send_at_utc, missed_at, sms_body) VALUES (?, ?, ?, ?, 'Hi')`)
          .run(id, index + 1, step.sendAtUtc, step.missedAt ?? null).lastInsertRowid,
      ),
    );
    const recipients = new Map<number, number>();
    for (const m of b.messages) {
      let recipientId = recipients.get(m.contactId);
      if (recipientId === undefined) {
        recipientId = Number(db.prepare(`INSERT INTO campaign_recipients (campaign_id, contact_id, name) VALUES (?, ?, 'x')`).run(id, m.contactId).lastInsertRowid);
        recipients.set(m.contactId, recipientId);
      }
      const final = ['delivered', 'undelivered', 'failed', 'no_report', 'cancelled', 'skipped'].includes(m.status);
      db.prepare(
        `INSERT INTO deliveries (campaign_id, step_id, recipient_id, channel, address, status, due_at, provider, price, cost_estimate, accepted_at, final_at, updated_at)
         VALUES (?, ?, ?, ?, 'x', ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        steps[(m.day ?? 1) - 1],
        recipientId,
        m.channel ?? 'sms',
        m.status,
        m.dueAt ?? b.launchedAt,
        m.provider ?? 'twilio',
        m.price ?? null,
        m.costEstimate ?? null,
        m.acceptedAt ?? null,
        final ? (m.acceptedAt ?? b.launchedAt) : null,
        m.acceptedAt ?? b.launchedAt,
      );
    }
    return id;
  }

  const stats = (): Promise<DashboardDto> => call(core, 'dashboard.stats', {});

  it('counts sent messages by the salon’s days across the clocks going forward, and a scheduled broadcast sends nothing', async () => {
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = clients(6);
    broadcast({
      name: 'Week of 2 March',
      status: 'completed',
      launchedAt: '2026-02-28T12:00:00.000Z',
      completedAt: '2026-03-09T03:10:00.000Z',
      messages: [
        // Sunday 23:00 EDT: today (Monday in UTC).
        { contactId: a, status: 'delivered', acceptedAt: '2026-03-09T03:00:00.000Z' },
        // Saturday 23:30 EST: yesterday, though it is Sunday in UTC.
        { contactId: b, status: 'delivered', acceptedAt: '2026-03-08T04:30:00.000Z' },
        // Sunday 00:30 EST: today's first hour, before the clocks changed.
        { contactId: c, status: 'undelivered', acceptedAt: '2026-03-08T05:30:00.000Z' },
        // Sunday 1 March 23:59 EST: this month, last week (weeks start on Monday).
        { contactId: d, status: 'delivered', acceptedAt: '2026-03-02T04:59:00.000Z' },
        // Monday 2 March 00:00 EST: this week.
        { contactId: e, channel: 'email', status: 'delivered', acceptedAt: '2026-03-02T05:00:00.000Z' },
        // Saturday 28 February 23:59 EST: last month.
        { contactId: f, status: 'delivered', acceptedAt: '2026-03-01T04:59:00.000Z' },
        // Refused at once: tried, but the provider never took it.
        { contactId: f, channel: 'email', status: 'failed', acceptedAt: undefined },
      ],
    });
    // Scheduled for Tuesday: its messages are pending, not sent.
    const later = broadcast({
      name: 'Tuesday',
      status: 'scheduled',
      launchedAt: '2026-03-08T20:00:00.000Z',
      steps: [{ sendAtUtc: '2026-03-10T14:00:00.000Z' }, { sendAtUtc: '2026-03-25T14:00:00.000Z' }],
      messages: [
        { contactId: a, status: 'queued', dueAt: '2026-03-10T14:00:00.000Z' },
        { contactId: a, channel: 'email', status: 'queued', dueAt: '2026-03-10T14:00:00.000Z' },
        { contactId: b, status: 'queued', dueAt: '2026-03-10T14:00:00.000Z' },
        // Day 2 is 16 days away: beyond the agenda.
        { contactId: a, status: 'queued', dueAt: '2026-03-25T14:00:00.000Z', day: 2 },
      ],
    });

    const { sent, perDay, upcoming } = await stats();
    expect(sent.today.sms).toMatchObject({ recipients: 2, sent: 2, delivered: 1, failed: 1, pending: 0, tried: 2 });
    expect(sent.today.email.sent).toBe(0);
    expect(sent.week.sms).toMatchObject({ sent: 3, delivered: 2 });
    expect(sent.week.email).toMatchObject({ sent: 1, delivered: 1, failed: 0 });
    expect(sent.month.sms.sent).toBe(4);
    expect(sent.month.email.sent).toBe(1);

    expect(perDay).toHaveLength(30);
    expect(perDay[0]?.date).toBe('2026-02-07');
    expect(perDay.at(-1)).toEqual({ date: '2026-03-08', sms: 2, email: 0, push: 0 });
    const on = (date: string) => perDay.find((day) => day.date === date);
    expect(on('2026-03-07')).toEqual({ date: '2026-03-07', sms: 1, email: 0, push: 0 });
    expect(on('2026-03-02')).toEqual({ date: '2026-03-02', sms: 0, email: 1, push: 0 });
    expect(on('2026-03-01')).toEqual({ date: '2026-03-01', sms: 1, email: 0, push: 0 });
    expect(on('2026-02-28')).toEqual({ date: '2026-02-28', sms: 1, email: 0, push: 0 });
    expect(perDay.reduce((sum, day) => sum + day.sms + day.email + day.push, 0)).toBe(6);

    expect(upcoming).toEqual([{ broadcastId: later, name: 'Tuesday', day: 1, at: '2026-03-10T14:00:00.000Z', channels: ['sms', 'email'], messages: 3 }]);
  });

  it('counts a text the provider refused at send as tried and failed on the day it was refused, and alerts on it', async () => {
    const [a = 0, b = 0, c = 0] = clients(3);
    broadcast({
      name: 'Spring offer',
      status: 'completed',
      launchedAt: '2026-03-08T15:00:00.000Z',
      completedAt: '2026-03-08T15:05:00.000Z',
      messages: [
        { contactId: a, status: 'delivered', acceptedAt: '2026-03-08T15:01:00.000Z' },
        { contactId: b, status: 'delivered', acceptedAt: '2026-03-08T15:01:00.000Z' },
        // Never taken: its time is when it was refused, the launch.
        { contactId: c, status: 'failed' },
      ],
    });
    const { sent, perDay, alerts } = await stats();
    expect(sent.today.sms).toMatchObject({ recipients: 3, sent: 2, delivered: 2, failed: 1, tried: 3 });
    expect(sent.month.sms).toMatchObject({ sent: 2, failed: 1, tried: 3 });
    // The chart counts what was sent.
    expect(perDay.at(-1)).toEqual({ date: '2026-03-08', sms: 2, email: 0, push: 0 });
    expect(alerts.filter((alert) => alert.kind === 'undelivered_texts')).toEqual([
      { kind: 'undelivered_texts', broadcastId: null, value: 1 / 3, message: expect.stringContaining('(1 of 3)') },
    ]);
  });

  it('counts each period as the delivery counts count the same messages, opt-outs and replies included', async () => {
    const ids = clients(12);
    const statuses: DeliveryStatus[] = ['delivered', 'delivered', 'undelivered', 'failed', 'sent', 'accepted', 'no_report', 'queued', 'unknown', 'skipped', 'cancelled', 'delivered'];
    const taken = (status: DeliveryStatus) => !['failed', 'queued', 'unknown', 'skipped', 'cancelled'].includes(status);
    broadcast({
      name: 'Every status',
      status: 'sending',
      launchedAt: '2026-03-04T14:00:00.000Z',
      messages: ids.flatMap((contactId, i) =>
        (['sms', 'email'] as const).map((channel) => ({
          contactId,
          channel,
          status: statuses[i] ?? 'delivered',
          acceptedAt: taken(statuses[i] ?? 'delivered') ? '2026-03-04T14:10:00.000Z' : undefined,
        })),
      ),
    });
    const [first = 0, second = 0] = ids;
    const consent = db.prepare(`INSERT INTO consent_events (contact_id, channel, status, source, at) VALUES (?, ?, 'opted_out', 'x', '2026-03-05T10:00:00.000Z')`);
    consent.run(first, 'sms');
    consent.run(second, 'email');
    db.prepare(
      `INSERT INTO inbound_messages (provider_message_id, from_phone, to_phone, body, received_at, contact_id) VALUES ('SM1', 'x', 'y', 'Thanks', '2026-03-04T18:00:00.000Z', ?)`,
    ).run(second);

    const { sent } = await stats();
    for (const channel of CHANNELS) {
      const filter = { from: '2026-03-01', to: '2026-03-08', channel, statuses: ['accepted', 'sent', 'delivered', 'undelivered', 'failed', 'no_report'] as DeliveryStatus[] };
      expect(sent.month[channel]).toEqual(await call(core, 'tracking.summary', { filter }));
    }
    expect(sent.month.sms).toMatchObject({ tried: 8, sent: 7, failed: 2, optedOut: 1, replied: 1 });
    expect(sent.month.email.optedOut).toBe(1);
  });

  it('says what waits on the owner: missed steps, paused broadcasts and unsure messages', async () => {
    const [a = 0, b = 0] = clients(2);
    const missed = broadcast({
      name: 'Missed',
      status: 'sending',
      launchedAt: '2026-03-08T10:00:00.000Z',
      steps: [{ sendAtUtc: '2026-03-08T12:00:00.000Z', missedAt: '2026-03-08T15:00:00.000Z' }],
      messages: [
        { contactId: a, status: 'queued', dueAt: '2026-03-08T12:00:00.000Z' },
        { contactId: b, status: 'queued', dueAt: '2026-03-08T12:00:00.000Z' },
      ],
    });
    const paused = broadcast({ name: 'Paused', status: 'paused', launchedAt: '2026-03-08T10:00:00.000Z', messages: [{ contactId: a, status: 'queued' }] });
    const unsure = broadcast({
      name: 'Unsure',
      status: 'sending',
      launchedAt: '2026-03-08T10:00:00.000Z',
      messages: [
        { contactId: a, status: 'unknown' },
        { contactId: b, channel: 'email', status: 'unknown' },
      ],
    });
    const { waiting, sent } = await stats();
    expect(waiting).toEqual(
      expect.arrayContaining([
        { kind: 'missed_step', broadcastId: missed, name: 'Missed', messages: 2 },
        { kind: 'paused', broadcastId: paused, name: 'Paused', messages: 1 },
        { kind: 'unsure', broadcastId: unsure, name: 'Unsure', messages: 2 },
      ]),
    );
    expect(waiting).toHaveLength(3);
    expect(sent.today.sms.sent + sent.today.email.sent).toBe(0);
  });

  it('alerts on undelivered texts over 5 % of the last 7 days, not at 5 %', async () => {
    const sendTexts = (count: number, undelivered: number) =>
      broadcast({
        name: `${count} texts`,
        status: 'completed',
        launchedAt: '2026-03-06T14:00:00.000Z',
        completedAt: '2026-03-06T16:00:00.000Z',
        messages: clients(count).map((contactId, i) => ({
          contactId,
          status: i < undelivered ? 'undelivered' : 'delivered',
          acceptedAt: '2026-03-06T15:00:00.000Z',
        })),
      });
    sendTexts(20, 1);
    expect((await stats()).alerts.filter((alert) => alert.kind === 'undelivered_texts')).toEqual([]);
    // An old broadcast's failures are outside the 7 days.
    broadcast({
      name: 'Old',
      status: 'completed',
      launchedAt: '2026-02-20T14:00:00.000Z',
      completedAt: '2026-02-20T16:00:00.000Z',
      messages: clients(5).map((contactId) => ({ contactId, status: 'undelivered', acceptedAt: '2026-02-20T15:00:00.000Z' })),
    });
    expect((await stats()).alerts.filter((alert) => alert.kind === 'undelivered_texts')).toEqual([]);
    sendTexts(1, 0);
    sendTexts(1, 1);
    const [alert] = (await stats()).alerts.filter((a) => a.kind === 'undelivered_texts');
    expect(alert).toMatchObject({ broadcastId: null, value: 2 / 22, message: expect.stringContaining('2 of 22') });
  });

  it('alerts on a broadcast whose texts made over 1.3 % of clients opt out within 72 hours', async () => {
    const optOutAfter = (count: number, optOuts: number, name: string) => {
      const ids = clients(count);
      const id = broadcast({
        name,
        status: 'completed',
        launchedAt: '2026-03-05T14:00:00.000Z',
        completedAt: '2026-03-05T16:00:00.000Z',
        messages: ids.map((contactId) => ({ contactId, status: 'delivered', acceptedAt: '2026-03-05T15:00:00.000Z' })),
      });
      for (const contactId of ids.slice(0, optOuts)) {
        db.prepare(`INSERT INTO consent_events (contact_id, channel, status, source, at) VALUES (?, 'sms', 'opted_out', 'Replied STOP', ?)`).run(
          contactId,
          new Date(Date.parse('2026-03-05T15:00:00.000Z') + 2 * HOUR).toISOString(),
        );
      }
      return id;
    };
    optOutAfter(77, 1, 'Under'); // 1.2987 %
    const over = optOutAfter(76, 1, 'Över 🌸'); // 1.3158 %
    const alerts = (await stats()).alerts.filter((alert) => alert.kind === 'opt_outs');
    expect(alerts).toEqual([{ kind: 'opt_outs', broadcastId: over, value: 1 / 76, message: expect.stringContaining('“Över 🌸”') }]);
  });

  it('counts this month’s clients, opt-outs, replies, unusable numbers and spend, and alerts on unusable numbers', async () => {
    clients(3, '2026-02-28T12:00:00.000Z');
    // Sunday 1 March 00:30 EST is this month; 28 February 23:30 EST is not.
    const [early = 0, late = 0] = [...clients(1, '2026-03-01T05:30:00.000Z'), ...clients(1, '2026-03-01T04:30:00.000Z')];
    expect((await stats()).alerts.filter((alert) => alert.kind === 'unusable_numbers')).toEqual([]);
    db.prepare(`UPDATE contacts SET sms_unusable_code = '30006', sms_unusable_at = ? WHERE id IN (?, ?)`).run(NOW.toISOString(), early, late);
    const optOut = db.prepare(`INSERT INTO consent_events (contact_id, channel, status, source, at) VALUES (?, ?, ?, 'x', ?)`);
    optOut.run(early, 'sms', 'opted_out', '2026-03-03T12:00:00.000Z');
    optOut.run(early, 'email', 'opted_out', '2026-03-03T12:00:00.000Z');
    optOut.run(late, 'sms', 'opted_out', '2026-02-27T12:00:00.000Z');
    optOut.run(late, 'sms', 'granted', '2026-03-04T12:00:00.000Z');
    const reply = db.prepare(`INSERT INTO inbound_messages (provider_message_id, from_phone, to_phone, body, received_at, contact_id, action) VALUES (?, 'x', 'y', 'b', ?, ?, ?)`);
    reply.run('SM1', '2026-03-04T12:00:00.000Z', early, null);
    reply.run('SM2', '2026-03-04T12:00:00.000Z', early, 'opt_out');
    reply.run('SM3', '2026-02-04T12:00:00.000Z', early, null);
    broadcast({
      name: 'Paid',
      status: 'completed',
      launchedAt: '2026-03-03T12:00:00.000Z',
      completedAt: '2026-03-03T13:00:00.000Z',
      messages: [
        { contactId: early, status: 'delivered', acceptedAt: '2026-03-03T12:10:00.000Z', price: 0.0079, costEstimate: 0.01 },
        { contactId: late, status: 'sent', acceptedAt: '2026-03-03T12:10:00.000Z', costEstimate: 0.02 },
        // Last month's price is not this month's spend.
        { contactId: late, channel: 'email', status: 'delivered', acceptedAt: '2026-02-27T12:10:00.000Z', price: 5 },
      ],
    });

    const dashboard = await stats();
    expect(dashboard.clients).toEqual({ total: 5, addedThisMonth: 1, optOutsThisMonth: 1, repliesThisMonth: 1, smsUnusable: 2 });
    expect(dashboard.spend.month).toBeCloseTo(0.0279, 6);
    expect(dashboard.spend).toMatchObject({ budgetCap: 25, currency: 'EUR', practice: false });
    expect(dashboard.alerts.filter((alert) => alert.kind === 'unusable_numbers')).toEqual([
      { kind: 'unusable_numbers', broadcastId: null, value: 2, message: expect.stringContaining('2 clients’ numbers') },
    ]);
  });

  it('shows practice sends’ would-be cost as practice when nothing was charged', async () => {
    const [a = 0] = clients(1);
    broadcast({
      name: 'Practice',
      status: 'completed',
      launchedAt: '2026-03-03T12:00:00.000Z',
      completedAt: '2026-03-03T13:00:00.000Z',
      messages: [{ contactId: a, status: 'delivered', acceptedAt: '2026-03-03T12:10:00.000Z', provider: 'sandbox', costEstimate: 0.04 }],
    });
    expect((await stats()).spend).toMatchObject({ month: 0.04, practice: true });
  });
});
