import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import type { DeliveryStatus } from '../../shared/dto';
import { call, createTestCore, tempDir } from '../support/test-core';
import { p95Ms, record } from './figures';
import { seedContacts } from './seed-contacts';

const DAY = 86_400_000;
/** The bench's "now": the end of a busy year. */
const NOW = Date.UTC(2026, 10, 30, 18, 0, 0);
const CLIENTS = 100_000;
const BROADCASTS = 50;
/** Each broadcast texts and emails this many clients: 50 x 10,000 x 2 = 1,000,000 messages. */
const RECIPIENTS = 10_000;
/** How a broadcast's messages ended: mostly delivered, a few failed or undeliverable. */
const OUTCOMES: readonly DeliveryStatus[] = [...Array<DeliveryStatus>(92).fill('delivered'), 'sent', 'sent', 'undelivered', 'undelivered', 'failed', 'no_report', 'no_report', 'accepted'];

/**
 * A year of broadcasts, one a week, written straight into SQL: each to 10,000 of the clients by text
 * and email, accepted over the hours after launch, with 1 in 100 opting out and 1 in 50 replying the day after.
 */
function seedYear(dbPath: string): void {
  const { sqlite, close } = openDatabase(dbPath);
  const iso = (ms: number) => new Date(ms).toISOString();
  const campaign = sqlite.prepare(
    `INSERT INTO campaigns (name, status, type, created_at, launched_at, completed_at) VALUES (?, 'completed', 'sms_email', ?, ?, ?)`,
  );
  const step = sqlite.prepare(`INSERT INTO campaign_steps (campaign_id, day, send_at_utc, sms_body, email_subject, email_body) VALUES (?, 1, ?, 'Hi', 'News', 'Hello')`);
  const recipient = sqlite.prepare(`INSERT INTO campaign_recipients (campaign_id, contact_id, name, phone, email) VALUES (?, ?, ?, ?, ?)`);
  const delivery = sqlite.prepare(
    `INSERT INTO deliveries (campaign_id, step_id, recipient_id, channel, address, status, due_at, provider, error_code, segments, cost_estimate, accepted_at, final_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'twilio', ?, 1, 0.0079, ?, ?, ?)`,
  );
  const optOut = sqlite.prepare(`INSERT INTO consent_events (contact_id, channel, status, source, at) VALUES (?, 'sms', 'opted_out', 'Replied STOP', ?)`);
  const reply = sqlite.prepare(
    `INSERT INTO inbound_messages (provider_message_id, from_phone, to_phone, body, received_at, contact_id, campaign_id) VALUES (?, ?, '+15005550006', 'Thanks!', ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    for (let b = 0; b < BROADCASTS; b++) {
      const launch = NOW - (BROADCASTS - b) * 7 * DAY + 3 * 3_600_000;
      const campaignId = Number(campaign.run(`Offer ${b + 1}`, iso(launch - DAY), iso(launch), iso(launch + DAY)).lastInsertRowid);
      const stepId = Number(step.run(campaignId, iso(launch)).lastInsertRowid);
      for (let i = 0; i < RECIPIENTS; i++) {
        const contactId = ((b * 7919 + i) % CLIENTS) + 1;
        const phone = `+1415${String(2_000_000 + contactId - 1).padStart(7, '0')}`;
        const email = `client${contactId - 1}@salon.dev`;
        const recipientId = Number(recipient.run(campaignId, contactId, `Client${contactId - 1}`, phone, email).lastInsertRowid);
        const accepted = launch + Math.floor((i / RECIPIENTS) * 6 * 3_600_000);
        for (const [channel, address] of [['sms', phone], ['email', email]] as const) {
          const status = OUTCOMES[(i + (channel === 'sms' ? 0 : 37)) % OUTCOMES.length] ?? 'delivered';
          const taken = status !== 'failed';
          const final = status === 'delivered' || status === 'undelivered' || status === 'failed' || status === 'no_report';
          const code = status === 'failed' || status === 'undelivered' ? '30003' : null;
          delivery.run(campaignId, stepId, recipientId, channel, address, status, iso(launch), code, taken ? iso(accepted) : null, final ? iso(accepted + 60_000) : null, iso(accepted + 60_000));
        }
        if (i % 100 === 0) optOut.run(contactId, iso(accepted + 3_600_000));
        if (i % 50 === 1) reply.run(`SM${b}-${i}`, phone, iso(accepted + DAY), contactId, campaignId);
      }
    }
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.exec('ANALYZE');
  close();
}

/** dashboard.stats over a year of 1,000,000 deliveries, through the contract. */
export async function benchDashboard(): Promise<void> {
  const dir = tempDir('salon-bench-');
  const dbPath = join(dir.path, 'salon.db');
  seedContacts(dbPath, CLIENTS);
  seedYear(dbPath);
  const core = createTestCore(dir.path, { clock: { now: () => new Date(NOW) } });
  await call(core, 'settings.update', { timeZone: 'America/New_York' });
  const stats = await call(core, 'dashboard.stats', {});
  console.log(`  (this month: ${stats.sent.month.sms.sent.toLocaleString('en-US')} texts sent; ${stats.alerts.length} alerts)`);
  record('dashboard.stats_p95_ms.1m_deliveries', await p95Ms(20, () => call(core, 'dashboard.stats', {})), 'ms');
  await core.stop();
  dir.remove();
}
