import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { RequestKind, TwilioDoubleOptions } from './twilio-double';

/** What the double in its own process saw, on request. */
export interface DoubleReport {
  counts: Record<RequestKind, number>;
  overLimitRejections: number;
  /** Creates answered 201, and to how many different numbers. */
  accepted: number;
  distinctRecipients: number;
  firstCreateMs: number;
  lastCreateMs: number;
  /** List calls by the filters they used (sorted query keys without paging), e.g. "DateSent>,From,PageSize". */
  listsByFilter: Record<string, number>;
  /** The first few OpenAPI mismatches, if any. */
  violations: string[];
}

export type FromParent = { type: 'report' } | { type: 'stop' };
export type ToParent = { type: 'ready'; baseUrl: string; accountSid: string; authToken: string } | { type: 'report'; report: DoubleReport };

export interface DoubleProcess {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  report(): Promise<DoubleReport>;
  stop(): Promise<void>;
}

/** Start the Twilio double (real clock) in a child process and wait until it listens. */
export async function startTwilioDoubleProcess(options: Omit<TwilioDoubleOptions, 'clock'> = {}): Promise<DoubleProcess> {
  const child = fork(join(__dirname, 'double-process-entry.ts'), [JSON.stringify(options)], { execArgv: ['--import', 'tsx'] });
  const next = <T extends ToParent['type']>(type: T) =>
    new Promise<Extract<ToParent, { type: T }>>((resolve, reject) => {
      const onMessage = (message: ToParent) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        resolve(message as Extract<ToParent, { type: T }>);
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`the Twilio double process exited with ${code}`)));
    });
  const ready = await next('ready');
  return {
    baseUrl: ready.baseUrl,
    accountSid: ready.accountSid,
    authToken: ready.authToken,
    report: async () => {
      const answer = next('report');
      child.send({ type: 'report' } satisfies FromParent);
      return (await answer).report;
    },
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.send({ type: 'stop' } satisfies FromParent);
  });
}
