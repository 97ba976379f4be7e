// The engine alone in a process of its own, as the soak test kills it: it sends whatever the database
// says is due and runs until it is killed (SIGKILL: no cleanup, by design).
// argv: the database path, the Twilio double's base URL, the look-up settle window (ms) and, optionally,
// the kinds of automation to turn on once started (comma-separated), as the owner would in the running
// app. Log lines go to stderr as JSON.
import { AUTOMATION_KINDS, type AutomationKind } from '../../shared/automations';
import { createCore, type Core } from '../../electron/core';
import { createLineLogger } from '../../electron/core/log';
import { callCore } from '../../electron/core/rpc/call';
import { READY_LINE, TURNED_ON_LINE, TURNING_ON_LINE } from './engine-child';
import { roundKeyPath } from './round-key';

function main(): void {
  const [dbPath, twilioBaseUrl, settleMs, turnOn = ''] = process.argv.slice(2);
  const lookupSettleMs = Number(settleMs);
  const kinds = turnOn === '' ? [] : turnOn.split(',');
  if (!dbPath || !twilioBaseUrl || !Number.isInteger(lookupSettleMs) || !kinds.every(isAutomationKind)) {
    throw new Error(`usage: engine-process.ts DB_PATH TWILIO_BASE_URL SETTLE_MS [${AUTOMATION_KINDS.join('|')},...]`);
  }
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
  if (kinds.length > 0) {
    turnOnAutomations(core, kinds).catch((error: unknown) => {
      // Uncaught on purpose: the engine exits on its own, which the soak reports with this stack.
      setImmediate(() => {
        throw error;
      });
    });
  }
}

/**
 * Turn the automations on: each switch runs the automation at once (its decisions and messages in one
 * transaction), and the kills aimed at that transaction wait for the first line. Already on (a restart
 * after a kill), the switch changes nothing and the automation still runs at once.
 */
async function turnOnAutomations(core: Core, kinds: readonly AutomationKind[]): Promise<void> {
  process.stdout.write(`${TURNING_ON_LINE}\n`);
  const automations = await callCore(core, 'automations.list', {});
  for (const kind of kinds) {
    const automation = automations.find((a) => a.kind === kind);
    if (!automation) throw new Error(`no ${kind} automation`);
    await callCore(core, 'automations.setEnabled', { id: automation.id, enabled: true });
  }
  process.stdout.write(`${TURNED_ON_LINE}\n`);
}

function isAutomationKind(kind: string): kind is AutomationKind {
  return (AUTOMATION_KINDS as readonly string[]).includes(kind);
}

main();
