import { openDatabase } from '../../db/open';
import type { DeliveryStatus } from '../../shared/dto';

/** How a sent broadcast's messages ended, in proportion: most delivered, a few of everything else. */
const OUTCOMES: readonly DeliveryStatus[] = [
  ...Array<DeliveryStatus>(80).fill('delivered'),
  ...Array<DeliveryStatus>(6).fill('sent'),
  ...Array<DeliveryStatus>(4).fill('failed'),
  ...Array<DeliveryStatus>(3).fill('undelivered'),
  ...Array<DeliveryStatus>(2).fill('no_report'),
  'unknown',
  'skipped',
  'queued',
  'accepted',
  'cancelled',
];
const CODES = ['30003', '30006', '30005', '21211', '30008'];
const LAUNCH = Date.UTC(2026, 10, 2, 15, 0, 0);

function client(i: number): { name: string; phone: string; email: string } {
  return { name: `Client${i} Sample${i % 977}`, phone: `+1415${String(2000000 + i).padStart(7, '0')}`, email: `client${i}@salon.dev` };
}
const DAY = 86_400_000;

/**
 * A finished broadcast written straight into a fresh database: `recipients` clients, `days` days, text
 * and email each, so recipients x days x 2 deliveries; every client imported with consent events as an
 * import writes them, 1 in 100 opting out of texts and 1 in 50 replying within a day of a text.
 * Returns the broadcast's id.
 */
export function seedTrackedBroadcast(dbPath: string, recipients: number, days: number): number {
  const { sqlite, close } = openDatabase(dbPath);
  const at = (ms: number) => new Date(ms).toISOString();
  const campaignId = Number(
    sqlite
      .prepare(
        `INSERT INTO campaigns (name, status, type, created_at, launched_at, completed_at) VALUES ('Bench', 'completed', 'sms_email', ?, ?, ?)`,
      )
      .run(at(LAUNCH - DAY), at(LAUNCH), at(LAUNCH + days * DAY)).lastInsertRowid,
  );
  const stepIds = Array.from({ length: days }, (_, index) =>
    Number(
      sqlite
        .prepare(`INSERT INTO campaign_steps (campaign_id, day, send_at_utc, sms_body, email_subject, email_body) VALUES (?, ?, ?, 'Hi', 'News', 'Hello')`)
        .run(campaignId, index + 1, at(LAUNCH + index * DAY)).lastInsertRowid,
    ),
  );
  const contact = sqlite.prepare(
    `INSERT INTO contacts (name, first_name, last_name, phone, email, sms_consent, email_consent, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'granted', 'granted', ?, ?)`,
  );
  const consent = sqlite.prepare(`INSERT INTO consent_events (contact_id, channel, status, source, at) VALUES (?, ?, ?, ?, ?)`);
  const recipient = sqlite.prepare(
    `INSERT INTO campaign_recipients (campaign_id, contact_id, name, first_name, last_name, phone, email) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const delivery = sqlite.prepare(
    `INSERT INTO deliveries (campaign_id, step_id, recipient_id, channel, address, status, due_at, provider, error_code,
       segments, cost_estimate, price, price_unit, accepted_at, final_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const reply = sqlite.prepare(
    `INSERT INTO inbound_messages (provider_message_id, from_phone, to_phone, body, received_at, contact_id, campaign_id, action)
     VALUES (?, ?, '+14155550000', ?, ?, ?, ?, ?)`,
  );
  // As a launch writes them: the snapshot, then each step's messages channel by channel.
  sqlite.transaction(() => {
    const recipientIds: number[] = [];
    for (let i = 0; i < recipients; i++) {
      const { name, phone, email } = client(i);
      const contactId = Number(contact.run(name, `Client${i}`, `Sample${i % 977}`, phone, email, at(LAUNCH - 30 * DAY), at(LAUNCH)).lastInsertRowid);
      consent.run(contactId, 'sms', 'granted', 'Import of clients.csv, line 2: Accepts SMS marketing', at(LAUNCH - 30 * DAY));
      consent.run(contactId, 'email', 'granted', 'Import of clients.csv, line 2: Accepts email marketing', at(LAUNCH - 30 * DAY));
      recipientIds.push(Number(recipient.run(campaignId, contactId, name, `Client${i}`, `Sample${i % 977}`, phone, email).lastInsertRowid));
      if (i % 100 === 0) consent.run(contactId, 'sms', 'opted_out', 'Replied STOP', at(LAUNCH + 7_200_000));
      if (i % 50 === 1) reply.run(`SMbench${i}`, phone, 'Thanks!', at(LAUNCH + 7_200_000), contactId, campaignId, null);
    }
    stepIds.forEach((stepId, index) => {
      for (const channel of ['sms', 'email'] as const) {
        recipientIds.forEach((recipientId, i) => {
          const { phone, email } = client(i);
          const status = OUTCOMES[(i * 7 + index * 3 + (channel === 'sms' ? 0 : 1)) % OUTCOMES.length] ?? 'delivered';
          const due = LAUNCH + index * DAY;
          const taken = ['accepted', 'sent', 'delivered', 'undelivered', 'no_report'].includes(status);
          const accepted = taken ? at(due + (i % 3600) * 1000) : null;
          const final = ['delivered', 'undelivered', 'failed', 'no_report', 'skipped', 'cancelled'].includes(status) ? at(due + 3_600_000) : null;
          const failed = status === 'failed' || status === 'undelivered';
          const sms = channel === 'sms';
          delivery.run(
            campaignId, stepId, recipientId, channel, sms ? phone : email, status, at(due), 'twilio',
            failed ? CODES[i % CODES.length] : null, sms ? 1 : null, sms ? 0.0083 : null,
            sms && status === 'delivered' && i % 4 !== 0 ? 0.0079 : null, sms ? 'USD' : null, accepted, final, at(due + 3_600_000),
          );
        });
      }
    });
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.exec('ANALYZE');
  close();
  return campaignId;
}
