// The Twilio double in a process of its own (see double-process.ts): the bench measures the engine's
// memory and speed without the double's 100,000 stored messages counted in.
import { startTwilioDouble, type RequestRecord, type TwilioDoubleOptions } from './twilio-double';
import type { DoubleReport, FromParent, ToParent } from './double-process';

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as Omit<TwilioDoubleOptions, 'clock'>;
  const twilio = await startTwilioDouble({ ...options, clock: { now: () => new Date() } });
  const send = (message: ToParent) => process.send?.(message);
  process.on('message', (message: FromParent) => {
    if (message.type === 'report') {
      const creates = twilio.requests().filter((request) => request.kind === 'create' && request.outcome === 201);
      const report: DoubleReport = {
        counts: twilio.requestCounts(),
        overLimitRejections: twilio.overLimitRejections(),
        accepted: creates.length,
        distinctRecipients: new Set(creates.map((request) => request.form.To)).size,
        firstCreateMs: creates[0]?.atMs ?? 0,
        lastCreateMs: creates.at(-1)?.atMs ?? 0,
        listsByFilter: listsByFilter(twilio.requests()),
        violations: twilio.violations.slice(0, 5),
      };
      send({ type: 'report', report });
    } else if (message.type === 'stop') {
      void twilio.close().then(() => process.exit(0));
    }
  });
  send({ type: 'ready', baseUrl: twilio.baseUrl, accountSid: twilio.accountSid, authToken: twilio.authToken });
}

/** List calls counted by the filters they used, e.g. "DateSent>,From,PageSize" (status sweeps). */
function listsByFilter(requests: readonly RequestRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const request of requests) {
    if (request.kind !== 'list') continue;
    const filters = Object.keys(request.query).filter((key) => key !== 'Page' && key !== 'PageToken').sort().join(',');
    counts[filters] = (counts[filters] ?? 0) + 1;
  }
  return counts;
}

void main();
