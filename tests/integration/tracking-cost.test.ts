import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { openDatabase } from '../../db/open';
import { createBroadcast } from '../support/broadcasts';
import { call, createTestCore, tempDir } from '../support/test-core';

// Issue 14: the cost card, estimate against actual: Twilio's price once it arrives, the estimate
// until then (and saying so), nothing for a refused text, and the estimate counting texts not sent yet.

const LONG_BODY = `${'a'.repeat(150)} {{firstName}}`;

describe('tracking.broadcast: the cost of a broadcast sent through Twilio', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: Core;

  beforeEach(async () => {
    dir = tempDir();
    core = createTestCore(dir.path);
    await call(core, 'settings.update', { smsPricePerSegment: 0.01, currency: 'EUR' });
  });

  afterEach(async () => {
    await core.stop();
    dir.remove();
  });

  it('charges the price Twilio reported, the estimate until it does, and estimates the texts still to go', async () => {
    const { sqlite, close } = openDatabase(join(dir.path, 'salon.db'));
    const at = '2026-12-01T10:00:00.000Z';
    sqlite.prepare(`INSERT INTO campaigns (id, name, status, type, created_at, launched_at) VALUES (1, 'Offer', 'sending', 'sms', ?, ?)`).run(at, at);
    sqlite.prepare(`INSERT INTO campaign_steps (id, campaign_id, day, sms_body) VALUES (1, 1, 1, ?)`).run(LONG_BODY);
    const recipient = sqlite.prepare(`INSERT INTO campaign_recipients (campaign_id, name, first_name, phone) VALUES (1, ?, ?, ?)`);
    const delivery = sqlite.prepare(
      `INSERT INTO deliveries (campaign_id, step_id, recipient_id, channel, address, status, due_at, provider, segments, cost_estimate, price, price_unit, accepted_at, updated_at)
       VALUES (1, 1, ?, 'sms', ?, ?, ?, ?, ?, ?, ?, 'USD', ?, ?)`,
    );
    const texts = [
      // Delivered, and Twilio reported its price.
      { name: 'Ana Lopez', status: 'delivered', provider: 'twilio', segments: 2, price: 0.0158 },
      // Delivered, price not reported yet: its estimate counts, and it is pending.
      { name: 'Bo Chen', status: 'delivered', provider: 'twilio', segments: 2, price: null },
      // Refused at once: costs nothing, but it was planned.
      { name: 'Cy Duran', status: 'failed', provider: 'twilio', segments: 2, price: null },
      // Not claimed yet: its text is rendered for the estimate ("Di" makes it 175 characters: 2 segments).
      { name: 'Di Evans', status: 'queued', provider: null, segments: null, price: null },
    ];
    texts.forEach(({ name, status, provider, segments, price }, index) => {
      const phone = `+1415555260${index}`;
      const recipientId = Number(recipient.run(name, name.split(' ')[0], phone).lastInsertRowid);
      const cost = segments === null ? null : segments * 0.01;
      delivery.run(recipientId, phone, status, at, provider, segments, cost, price, status === 'delivered' ? at : null, at);
    });
    close();

    const { cost } = await call(core, 'tracking.broadcast', { id: 1 });
    expect(cost).toEqual({
      currency: 'EUR',
      estimated: expect.closeTo(8 * 0.01, 9),
      actual: expect.closeTo(0.0158 + 0.02, 9),
      pricePending: 1,
      practice: false,
    });
  });

  it('estimates nothing for a draft', async () => {
    const draft = await createBroadcast(core, { name: 'Draft', body: 'Hello' });
    const { cost, total, cells } = await call(core, 'tracking.broadcast', { id: draft.id });
    expect(cost).toEqual({ currency: 'EUR', estimated: 0, actual: 0, pricePending: 0, practice: false });
    expect(total.recipients).toBe(0);
    expect(cells.map(({ day, channel }) => `${day}:${channel}`)).toEqual(['1:sms']);
  });
});
