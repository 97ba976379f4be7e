import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Provider, StatusPage } from '../../electron/core/providers/provider';
import { seedContacts } from '../bench/seed-contacts';
import { createBroadcast } from '../support/broadcasts';
import { finished } from '../support/live-sending';
import { call, createTestCore, tempDir } from '../support/test-core';

// Issue 12, point 5: listing always ends. A status sweep reads a bounded number of pages and the next
// sweep goes on where it stopped, so a listing longer than one sweep is still read to the end.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A provider whose status listing has `pages` pages, with every status on the last one; the pages go on forever after it. */
function longListing(pages: number) {
  const sent: string[] = [];
  const sweeps: Array<{ resumeFrom: string | undefined; pagesRead: number }> = [];
  const provider: Provider = {
    id: 'long-listing',
    send: async (message) => {
      sent.push(message.key);
      return { kind: 'accepted', providerMessageId: `LL${message.key}` };
    },
    fetchStatuses: async () => [],
    async *statusPages(_since: string, resumeFrom?: string): AsyncGenerator<StatusPage> {
      const sweep = { resumeFrom, pagesRead: 0 };
      sweeps.push(sweep);
      for (let page = resumeFrom ? Number(resumeFrom) : 1; ; page++) {
        sweep.pagesRead++;
        const reports = page === pages ? sent.map((key) => ({ providerMessageId: `LL${key}`, status: 'delivered' as const })) : [];
        yield { reports, nextPage: String(page + 1) };
      }
    },
  };
  return { provider, sweeps };
}

describe('status sweeps', () => {
  it('a listing longer than one sweep is read in bounded sweeps, each going on from where the last stopped', async () => {
    const dir = tempDir();
    seedContacts(join(dir.path, 'salon.db'), 3, { everyoneReachable: true });
    const listing = longListing(30);
    const core = createTestCore(dir.path, { providerOverrides: { sms: { provider: listing.provider, limits: { perSecond: 100 } } } });
    cleanups.push(() => dir.remove(), () => core.stop());
    await call(core, 'settings.update', { timeZone: 'UTC', quietHours: { start: '00:00', end: '23:59' } });
    const draft = await createBroadcast(core, { name: 'Long listing', body: 'Hello' });
    await call(core, 'broadcasts.launch', { id: draft.id });
    core.start();

    const done = await finished(core, draft.id, { timeoutMs: 30_000 });

    expect(done.stats).toMatchObject({ delivered: 3, pending: 0 });
    expect(listing.sweeps.slice(0, 2)).toEqual([
      { resumeFrom: undefined, pagesRead: 20 },
      { resumeFrom: '21', pagesRead: expect.any(Number) },
    ]);
    expect(Math.max(...listing.sweeps.map((sweep) => sweep.pagesRead))).toBeLessThanOrEqual(20);
  });
});
