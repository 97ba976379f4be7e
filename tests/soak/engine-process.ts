// The engine alone in a process of its own, as the soak test kills it: it sends whatever the database
// says is due and runs until it is killed (SIGKILL: no cleanup, by design).
// argv: the database path, the Twilio double's base URL and the look-up settle window (ms). Log lines
// go to stderr as JSON.
import { createCore } from '../../electron/core';
import { createLineLogger } from '../../electron/core/log';
import { READY_LINE } from './engine-child';
import { roundKeyPath } from './round-key';

function main(): void {
  const [dbPath, twilioBaseUrl, settleMs] = process.argv.slice(2);
  const lookupSettleMs = Number(settleMs);
  if (!dbPath || !twilioBaseUrl || !Number.isInteger(lookupSettleMs)) throw new Error('usage: engine-process.ts DB_PATH TWILIO_BASE_URL SETTLE_MS');
  const core = createCore({
    dbPath,
    host: 'web',
    lookupSettleMs,
    endpoints: { twilioBaseUrl, timeoutMs: 2000 },
    secretKeyPath: roundKeyPath(dbPath),
    log: createLineLogger((line) => process.stderr.write(line)),
  });
  // Ready once the database is open, before start(): the earliest kills land while start() settles the
  // previous run's interrupted sends and makes the first claims.
  process.stdout.write(`${READY_LINE}\n`);
  core.start();
}

main();
