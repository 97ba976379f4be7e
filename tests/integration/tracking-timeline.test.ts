import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { openDatabase } from '../../db/open';
import type { DeliveryStatus } from '../../shared/dto';
import { call, createTestCore, tempDir } from '../support/test-core';

// Issue 14: the delivery-over-time chart, by minute for a send under 3 hours, by hour for a longer one.

interface Message {
  status: DeliveryStatus;
  /** When the provider took it, if it did. */
  accepted: string | null;
  /** When it reached its final status, if it has. */
  final: string | null;
}

describe('tracking.timeline', () => {
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

  /** A broadcast with these messages, written as the engine leaves them. */
  function broadcastOf(messages: Message[]): number {
    const { sqlite, close } = openDatabase(join(dir.path, 'salon.db'));
    const at = '2026-12-01T09:00:00.000Z';
    const id = Number(sqlite.prepare(`INSERT INTO campaigns (name, status, type, created_at, launched_at) VALUES ('Offer', 'sending', 'sms', ?, ?)`).run(at, at).lastInsertRowid);
    const stepId = Number(sqlite.prepare(`INSERT INTO campaign_steps (campaign_id, day) VALUES (?, 1)`).run(id).lastInsertRowid);
    messages.forEach(({ status, accepted, final }, index) => {
      const recipientId = Number(sqlite.prepare(`INSERT INTO campaign_recipients (campaign_id, name) VALUES (?, ?)`).run(id, `Client ${index}`).lastInsertRowid);
      sqlite
        .prepare(
          `INSERT INTO deliveries (campaign_id, step_id, recipient_id, channel, address, status, due_at, accepted_at, final_at, updated_at)
           VALUES (?, ?, ?, 'sms', ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, stepId, recipientId, `+1415555${String(1000 + index)}`, status, at, accepted, final, at);
    });
    close();
    return id;
  }

  it('counts each minute of a short send: sent when taken, delivered or failed when it ended', async () => {
    const id = broadcastOf([
      { status: 'delivered', accepted: '2026-12-01T09:00:10.000Z', final: '2026-12-01T09:01:30.000Z' },
      { status: 'delivered', accepted: '2026-12-01T09:00:50.000Z', final: '2026-12-01T09:01:59.999Z' },
      // Refused at once: failed, never sent.
      { status: 'failed', accepted: null, final: '2026-12-01T09:00:20.000Z' },
      { status: 'undelivered', accepted: '2026-12-01T09:01:00.000Z', final: '2026-12-01T11:59:00.000Z' },
      // Still on its way, and still waiting: sent only, and nothing.
      { status: 'sent', accepted: '2026-12-01T09:02:00.000Z', final: null },
      { status: 'queued', accepted: null, final: null },
      { status: 'skipped', accepted: null, final: '2026-12-01T09:03:00.000Z' },
    ]);
    expect(await call(core, 'tracking.timeline', { id })).toEqual({
      bucket: 'minute',
      points: [
        { at: '2026-12-01T09:00:00.000Z', sent: 2, delivered: 0, failed: 1 },
        { at: '2026-12-01T09:01:00.000Z', sent: 1, delivered: 2, failed: 0 },
        { at: '2026-12-01T09:02:00.000Z', sent: 1, delivered: 0, failed: 0 },
        { at: '2026-12-01T11:59:00.000Z', sent: 0, delivered: 0, failed: 1 },
      ],
    });
  });

  it('counts each hour once the send spans 3 hours or more', async () => {
    const id = broadcastOf([
      { status: 'delivered', accepted: '2026-12-01T09:00:10.000Z', final: '2026-12-01T09:01:30.000Z' },
      { status: 'delivered', accepted: '2026-12-01T09:59:59.000Z', final: '2026-12-01T10:00:00.000Z' },
      { status: 'undelivered', accepted: '2026-12-01T09:30:00.000Z', final: '2026-12-01T12:00:00.000Z' },
    ]);
    expect(await call(core, 'tracking.timeline', { id })).toEqual({
      bucket: 'hour',
      points: [
        { at: '2026-12-01T09:00:00.000Z', sent: 3, delivered: 1, failed: 0 },
        { at: '2026-12-01T10:00:00.000Z', sent: 0, delivered: 1, failed: 0 },
        { at: '2026-12-01T12:00:00.000Z', sent: 0, delivered: 0, failed: 1 },
      ],
    });
  });

  it('has no points before anything went out', async () => {
    const id = broadcastOf([{ status: 'queued', accepted: null, final: null }]);
    expect(await call(core, 'tracking.timeline', { id })).toEqual({ bucket: 'minute', points: [] });
  });
});
