import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import type { AutomationKind } from '../../shared/automations';
import type { MethodInput } from '../../shared/contract';
import { startTwilioDouble, type TwilioDouble } from '../doubles/twilio/twilio-double';
import { clientPhones, OUR_NUMBER } from '../support/live-sending';
import { middayTimeZone } from '../support/midday-time-zone';
import { call, tempDir } from '../support/test-core';
import { EngineChild } from './engine-child';
import { killPlan, Random, roundSeed, soakSeed } from './kill-plan';
import { describeRecovery, groupBy, killRepeatedly, runToCompletion, sendingPhase, type LandedKill, type Phase } from './kill-rounds';
import { prepareSalon, TWILIO_ACCOUNT, withCore } from './prepare-round';
import { AutomationRunsDb, type Decision, type Recovery } from './round-db';

// Issue 15, "exactly once per occasion": kill -9 of the engine while it turns the Birthday and Rebook
// automations on (the runner decides who is due and queues their texts in one transaction) and while
// their texts are sent. Every due client gets one text per automation and occasion, none twice, none
// lost; the enrolment ledger holds one decision per (automation, client, occasion); nobody who was not
// due gets anything; whoever was due but skipped has the reason.

const ROUNDS = 2;
const CLIENTS = 400;
const TURNED_ON: readonly AutomationKind[] = ['birthday', 'rebook'];
const SETTLE_MS = 2_000;
/** A round's work: its runs decided and queued, and some 240 texts at 50 a second with their statuses. */
const WORK_WITHIN_MS = 60_000;
/**
 * One text per client per 7 days outside the exempt Birthday: a client due for both still gets both
 * (the birthday neither counts nor is counted), and the cap is checked in every claim the kills cut.
 */
const FREQUENCY_CAP = 1;

/** Which automation a text came from, by its wording (the ready-made texts). */
const TEXT_OF: Partial<Record<AutomationKind, (body: string) => boolean>> = {
  birthday: (body) => body.startsWith('Happy birthday soon, Client!'),
  rebook: (body) => body.startsWith('Hi Client, it has been a few weeks since your last visit'),
};

const seed = soakSeed();
console.log(`kill -9 automation soak: seed ${seed} (replay: SOAK_SEED=${seed} npx vitest run --project soak tests/soak/kill-automation.soak.test.ts)`);

/** What a client's data makes of an automation today: a text, or a decision to skip with this reason. */
type Due = { kind: AutomationKind; occasion: string } & ({ outcome: 'sent' } | { outcome: 'skipped'; reason: string });

interface SoakClient {
  input: MethodInput<'contacts.create'> & { phone: string };
  due: Due[];
}

interface RoundReport {
  round: number;
  kills: LandedKill[];
  texts: Map<AutomationKind, number>;
  decisions: number;
  skipped: number;
  recovery: Recovery;
  seconds: number;
}

const reports: RoundReport[] = [];

afterAll(() => {
  if (reports.length > 0) console.log(summary(reports));
});

describe(`kill -9 of the engine during an automation run over ${CLIENTS} clients`, () => {
  for (let round = 1; round <= ROUNDS; round++) {
    it(`automation round ${round}`, async () => {
      const report = await automationRound(round, new Random(roundSeed(seed, round)));
      reports.push(report);
      console.log(describeRound(report));
    });
  }
});

async function automationRound(round: number, random: Random): Promise<RoundReport> {
  const started = Date.now();
  const dir = tempDir('salon-soak-automations-');
  const twilio = await startTwilioDouble({ ...TWILIO_ACCOUNT, senders: [OUR_NUMBER], statusStepMs: 20, clock: { now: () => new Date() } });
  try {
    // About noon in the salon's zone: past both automations' send times (10:00, 11:00), far from midnight.
    const timeZone = middayTimeZone();
    const today = DateTime.now().setZone(timeZone).toISODate() ?? '';
    const clients = salonClients(today, CLIENTS);
    const dbPath = await prepareSalon(
      dir.path,
      twilio.baseUrl,
      { timeZone, frequencyCap: FREQUENCY_CAP, smsPerSecond: 50, salonName: 'Salon Soak' },
      clients.map((client) => client.input),
    );
    const probe = new AutomationRunsDb(dbPath);
    try {
      const runs = {
        label: `automation round ${round}`,
        start: () => new EngineChild(dbPath, twilio.baseUrl, SETTLE_MS, TURNED_ON),
        probe,
        done: () => decidedThrough(probe, today) && probe.progress().broadcast === 'completed',
        timeoutMs: WORK_WITHIN_MS,
        phase: () => automationPhase(probe, today),
      };
      // Two kills aimed at the deciding transaction (or, once it committed, at a restart's recovery),
      // then kills anywhere in the sending.
      const kills = await killRepeatedly(runs, [...killPlan(random, 2, ['enrolling']), ...killPlan(random, random.int(2, 3))]);
      await runToCompletion(runs);
      const decisions = await expectEachOccasionOnce(probe, twilio, clients, today);
      await expectOwnerSees(dbPath, decisions);
      expect(probe.brokenHistories(), 'deliveries whose history misses a step').toEqual(new Map());
      const texts = new Map(TURNED_ON.map((kind) => [kind, decisions.filter((d) => d.kind === kind && d.outcome === 'sent').length]));
      const skipped = decisions.filter((d) => d.outcome === 'skipped').length;
      return { round, kills, texts, decisions: decisions.length, skipped, recovery: probe.recovery(), seconds: (Date.now() - started) / 1000 };
    } finally {
      probe.close();
    }
  } finally {
    await twilio.close();
    dir.remove();
  }
}

/**
 * The salon's clients, in groups of 20 by what their data makes of Birthday (7 days before) and
 * Rebook (35 days after the last visit, none booked) today: due and reachable, due but skipped (no
 * consent to texts, a booking), and not due (a day early or late, another month, 29 February unless
 * that is due, no data).
 */
function salonClients(today: string, count: number): SoakClient[] {
  const day = DateTime.fromISO(today, { zone: 'UTC' });
  const birthday = day.plus({ days: 7 });
  const occasion = String(birthday.year);
  const monthDay = (date: DateTime) => date.toFormat('MM-dd');
  const yearless = (date: DateTime) => `--${monthDay(date)}`;
  const withYear = (date: DateTime, i: number) => `${1960 + (i % 40)}-${monthDay(date)}`;
  const lastVisit = day.minus({ days: 35 }).toISODate() ?? '';
  const booked = day.plus({ days: 10 }).toISODate() ?? '';
  // A 29 February birthday is wished on 28 February in other years.
  const leapDue = monthDay(birthday) === '02-29' || (monthDay(birthday) === '02-28' && !birthday.isInLeapYear);
  const noConsent = 'Can’t be reached: hasn’t agreed to texts';
  const sent = (kind: AutomationKind, on = occasion): Due => ({ kind, occasion: on, outcome: 'sent' });
  const skipped = (kind: AutomationKind, reason: string, on = occasion): Due => ({ kind, occasion: on, outcome: 'skipped', reason });

  return clientPhones(count).map((phone, i): SoakClient => {
    const base = { name: `Client ${i}`, phone, consent: { sms: 'granted', email: 'unknown' } } as const;
    const unknownConsent = { ...base, consent: { sms: 'unknown', email: 'unknown' } } as const;
    switch (i % 20) {
      case 0:
      case 1:
      case 2:
        return { input: { ...base, birthday: yearless(birthday) }, due: [sent('birthday')] };
      case 3:
      case 4:
        return { input: { ...base, birthday: withYear(birthday, i) }, due: [sent('birthday')] };
      case 5:
      case 6:
      case 7:
        return { input: { ...base, lastVisitAt: lastVisit }, due: [sent('rebook', lastVisit)] };
      case 8:
      case 9:
        return { input: { ...base, birthday: withYear(birthday, i), lastVisitAt: lastVisit }, due: [sent('birthday'), sent('rebook', lastVisit)] };
      case 10:
        return { input: { ...unknownConsent, birthday: yearless(birthday) }, due: [skipped('birthday', noConsent)] };
      case 11:
        return {
          input: { ...base, lastVisitAt: lastVisit, nextAppointmentAt: booked },
          due: [skipped('rebook', `An appointment is booked for ${booked}`, lastVisit)],
        };
      case 12:
        return {
          input: { ...unknownConsent, birthday: withYear(birthday, i), lastVisitAt: lastVisit },
          due: [skipped('birthday', noConsent), skipped('rebook', noConsent, lastVisit)],
        };
      case 13:
        return { input: { ...base, birthday: yearless(day.plus({ days: i % 2 === 0 ? 6 : 8 })) }, due: [] };
      case 14:
        return { input: { ...base, lastVisitAt: day.minus({ days: i % 2 === 0 ? 34 : 36 }).toISODate() ?? '' }, due: [] };
      case 15:
        return { input: { ...base, birthday: yearless(birthday.plus({ months: 1 })), lastVisitAt: day.minus({ days: 35, years: 1 }).toISODate() ?? '' }, due: [] };
      case 16:
        return { input: { ...base, birthday: i % 40 === 16 ? '--02-29' : '1992-02-29' }, due: leapDue ? [sent('birthday')] : [] };
      default:
        return { input: base, due: [] };
    }
  });
}

/** Every automation turned on has decided today's triggers (its run's decisions and messages committed). */
function decidedThrough(probe: AutomationRunsDb, today: string): boolean {
  const turnedOn = probe.automations().filter((a) => TURNED_ON.includes(a.kind));
  return turnedOn.every((a) => a.enabled && a.evaluatedThrough !== null && a.evaluatedThrough >= today);
}

function automationPhase(probe: AutomationRunsDb, today: string): Phase {
  if (probe.automations().every((a) => !a.enabled)) return 'before turning on';
  if (!decidedThrough(probe, today)) return 'while enrolling';
  return sendingPhase(probe.progress());
}

/**
 * Twilio received exactly the due clients' texts, one per automation and occasion; the ledger holds
 * exactly one decision per (automation, client, occasion), as expected; each decision to send has
 * exactly one delivery per channel in its run (the text Twilio has), and the runs nothing else.
 */
async function expectEachOccasionOnce(probe: AutomationRunsDb, twilio: TwilioDouble, clients: SoakClient[], today: string): Promise<Decision[]> {
  const wanted = (kind: string, due: Due) => due.kind === kind && due.outcome === 'sent';
  const received = twilio.messages('outbound-api').map((message) => ({ ...message, kind: textKind(message.body) }));
  const twice = [...groupBy(received, (m) => `${m.to} ${m.kind}`)].filter(([, texts]) => texts.length > 1).map(([key, texts]) => `${key} ×${texts.length}`);
  expect(twice, 'texts Twilio received more than once for one client and automation').toEqual([]);
  const expectedTexts = clients.flatMap(({ input, due }) => TURNED_ON.filter((kind) => due.some((d) => wanted(kind, d))).map((kind) => `${input.phone} ${kind}`));
  expect(received.map((m) => `${m.to} ${m.kind}`).sort(), 'the texts Twilio received, by number and automation').toEqual(expectedTexts.sort());
  twilio.expectNoViolations();

  const decisions = probe.decisions();
  const key = (d: { kind: string; phone: string; occasion: string }) => `${d.kind} ${d.phone} ${d.occasion}`;
  const repeated = [...groupBy(decisions, key)].filter(([, rows]) => rows.length > 1).map(([k, rows]) => `${k} ×${rows.length}`);
  expect(repeated, 'occasions the ledger decided more than once').toEqual([]);
  const asDecided = (d: { kind: string; phone: string; occasion: string; outcome: string; reason: string | null }) => `${key(d)} ${d.outcome} ${d.reason ?? ''}`;
  const expectedDecisions = clients.flatMap(({ input, due }) =>
    due.map((d) => asDecided({ ...d, phone: input.phone, reason: d.outcome === 'skipped' ? d.reason : null })),
  );
  expect(decisions.map(asDecided).sort(), 'the ledger: automation, number, occasion, outcome, reason').toEqual(expectedDecisions.sort());

  const runs = probe.runs();
  expect(runs.map((run) => `${run.kind} ${run.runDate} ${run.status}`).sort(), 'one run per automation and salon day').toEqual(
    TURNED_ON.map((kind) => `${kind} ${today} completed`),
  );
  const runOf = new Map(runs.map((run) => [run.id, run]));
  const sidFor = new Map(received.map((m) => [`${m.to} ${m.kind}`, m.sid]));
  const messages = probe.runMessages();
  const perDecision = groupBy(messages, (m) => `${runOf.get(m.campaignId)?.kind} ${m.phone} ${m.channel}`);
  const sentDecisions = decisions.filter((d) => d.outcome === 'sent');
  const notOnce = sentDecisions
    .map((d) => ({ d, found: (perDecision.get(`${d.kind} ${d.phone} sms`) ?? []).filter((m) => m.campaignId === d.campaignId) }))
    .filter(({ found }) => found.length !== 1)
    .map(({ d, found }) => `${key(d)}: ${found.length} texts in its run ${d.campaignId}`);
  expect(notOnce, 'decisions to send without exactly one text in their run').toEqual([]);
  expect(messages.length, 'messages in the runs beyond the decisions to send').toBe(sentDecisions.length);
  const wrong = messages.filter((m) => m.status !== 'delivered' || m.providerMessageId !== sidFor.get(`${m.phone} ${runOf.get(m.campaignId)?.kind}`));
  expect(wrong, 'run messages not delivered under the id of the one text Twilio has for them').toEqual([]);
  const twoIds = [...probe.acceptedIds()].filter(([, ids]) => new Set(ids).size > 1);
  expect(twoIds, 'deliveries accepted under two provider ids').toEqual([]);
  return decisions;
}

/** What the owner reads: each automation's history (every skip with why) and its run's numbers. */
async function expectOwnerSees(dbPath: string, decisions: Decision[]): Promise<void> {
  await withCore(dbPath, async (core) => {
    for (const automation of (await call(core, 'automations.list', {})).filter((a) => TURNED_ON.includes(a.kind))) {
      const mine = decisions.filter((d) => d.kind === automation.kind);
      const history = [];
      for (let after: string | undefined, page = true; page; ) {
        const { items, next } = await call(core, 'automations.history', { id: automation.id, limit: 200, ...(after && { after }) });
        history.push(...items);
        after = next ?? undefined;
        page = next !== null;
      }
      expect(history, `${automation.name}: its history`).toHaveLength(mine.length);
      expect(history.filter((d) => d.outcome === 'skipped' && !d.reason), `${automation.name}: skips without a reason`).toEqual([]);
      const sent = mine.filter((d) => d.outcome === 'sent').length;
      expect(history.filter((d) => d.outcome === 'sent'), `${automation.name}: sent in its history`).toHaveLength(sent);
      const [run] = await call(core, 'broadcasts.list', { automationId: automation.id });
      if (!run) throw new Error(`${automation.name}: no run`);
      const { stats } = await call(core, 'broadcasts.get', { id: run.id });
      expect(stats, `${automation.name}: its run's numbers`).toMatchObject({ recipients: sent, sent, delivered: sent, failed: 0, pending: 0, unknown: 0, skipped: 0 });
    }
  });
}

function textKind(body: string): string {
  const kind = TURNED_ON.find((k) => TEXT_OF[k]?.(body));
  return kind ?? `another text: ${body}`;
}

function describeRound({ round, kills, texts, decisions, skipped, recovery, seconds }: RoundReport): string {
  const byKind = [...texts].map(([kind, count]) => `${count} ${kind}`).join(' + ');
  return [
    `automation round ${round}: ${CLIENTS} clients, ${byKind} texts each received once, ${decisions} decisions (${skipped} skipped with why), in ${seconds.toFixed(1)} s after ${kills.length} kills`,
    `  ${describeRecovery(recovery)}`,
  ].join('\n');
}

function summary(all: RoundReport[]): string {
  const kills = all.flatMap((report) => report.kills);
  const total = (key: keyof Recovery) => all.reduce((sum, report) => sum + report.recovery[key], 0);
  return [
    `kill -9 automation soak, seed ${seed}: ${all.length} rounds, ${kills.length} kills, every occasion decided once and its text received once`,
    ...[...groupBy(kills, (kill) => kill.phase)].map(([phase, landed]) => `  kills ${phase}: ${landed.length}`),
    `  ${describeRecovery({ interrupted: total('interrupted'), adopted: total('adopted'), resent: total('resent'), ambiguous: total('ambiguous') })}`,
  ].join('\n');
}
