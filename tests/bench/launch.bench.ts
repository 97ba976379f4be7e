import { join } from 'node:path';
import { call, createTestCore, tempDir } from '../support/test-core';
import { createBroadcast } from '../support/broadcasts';
import { record } from './figures';
import { seedContacts } from './seed-contacts';

/** Launch one step on two channels (SMS & email) to a generated list: the checks, the snapshot and every delivery. */
export async function benchLaunchTwoChannels(size: number, label: string): Promise<void> {
  const dir = tempDir('salon-bench-');
  const dbPath = join(dir.path, 'salon.db');
  seedContacts(dbPath, size, { everyoneReachable: true });
  const core = createTestCore(dir.path);
  const draft = await createBroadcast(core, { name: 'Bench', type: 'sms_email', body: 'Hi {{firstName|there}}', subject: 'News' });

  const started = performance.now();
  await call(core, 'broadcasts.launch', { id: draft.id });
  record(`launch.snapshot_s.${label}_x2`, (performance.now() - started) / 1000, 's');
  const { total } = await call(core, 'broadcasts.deliveries', { id: draft.id, limit: 1 });
  console.log(`  (${total.toLocaleString('en-US')} deliveries queued)`);
  await core.stop();
  dir.remove();
}
