import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwilioDouble, type TwilioDouble } from '../doubles/twilio/twilio-double';
import { clientPhones, OUR_NUMBER } from '../support/live-sending';
import { tempDir } from '../support/test-core';
import { EngineChild } from './engine-child';
import { killPlan, Random, roundSeed, soakSeed } from './kill-plan';
import { describeRecovery, groupBy, killRepeatedly, runToCompletion, type EngineRuns, type LandedKill } from './kill-rounds';
import { broadcastStats, launchRound, prepareTemplate, TWILIO_ACCOUNT, type Round } from './prepare-round';
import { RoundDb, type Recovery } from './round-db';

// Issue 5: kill -9 of the engine process at random moments during a 2,000-message send, 20 rounds:
// every message received by the Twilio double exactly once, none lost, counts consistent.
//
// Each round has its own folder (a copy of one prepared once with the clients), database and Twilio
// double: a round fails or replays on its own, and Twilio's store, which every reconciliation lists,
// holds that round's 2,000 messages rather than 40,000.

/**
 * Rounds against a Twilio whose list shows each message at once, then (issue 12) rounds whose list
 * lags behind what Twilio accepted, as Twilio's really does: a cut-off text is sent again only once a
 * look-up a settle window after its claim, longer than the lag, still misses it.
 */
const ROUNDS: RoundSetup[] = [
  ...Array.from({ length: 20 }, () => ({ listLagMs: 0, settleMs: 2_000 })),
  { listLagMs: 5_000, settleMs: 8_000 },
  { listLagMs: 60_000, settleMs: 63_000 },
];
const CLIENTS = 2000;
const PRICE_PER_SEGMENT = 0.0079;
/**
 * 2,000 texts at 100 a second, plus a minute in case the round crosses 23:59 UTC, when sending waits,
 * plus the settle window and the lag of the statuses' listing.
 */
const finishWithinMs = ({ listLagMs, settleMs }: RoundSetup) => 180_000 + settleMs + listLagMs;

interface RoundSetup {
  /** How long Twilio's list lags behind its creates. */
  listLagMs: number;
  /** The engine's settle window for looking up texts cut off mid-send. */
  settleMs: number;
}

const seed = soakSeed();
console.log(`kill -9 soak: seed ${seed} (replay: SOAK_SEED=${seed} npm run test:soak, one round: add -- -t "round N$")`);

interface RoundReport {
  round: number;
  kills: LandedKill[];
  recovery: Recovery;
  brokenHistories: Map<number, string[]>;
  seconds: number;
}

const phones = clientPhones(CLIENTS);
const template = tempDir('salon-soak-template-');
const reports: RoundReport[] = [];

beforeAll(() => prepareTemplate(template.path, phones));

afterAll(() => {
  template.remove();
  if (reports.length > 0) console.log(summary(reports));
});

describe(`kill -9 of the engine during a ${CLIENTS}-text broadcast`, () => {
  for (const [index, setup] of ROUNDS.entries()) {
    const round = index + 1;
    const lag = setup.listLagMs > 0 ? ` (Twilio's list ${setup.listLagMs / 1000} s behind)` : '';
    it(`round ${round}${lag}`, async () => {
      const report = await soakRound(round, setup, new Random(roundSeed(seed, round)));
      reports.push(report);
      console.log(describeRound(report));
      // Every change of status has its history entry: a kill can never split the two.
      expect(report.brokenHistories).toEqual(new Map());
    });
  }
});

async function soakRound(round: number, setup: RoundSetup, random: Random): Promise<RoundReport> {
  const started = Date.now();
  const dir = tempDir('salon-soak-');
  const twilio = await startTwilioDouble({
    ...TWILIO_ACCOUNT,
    senders: [OUR_NUMBER],
    statusStepMs: 20,
    clock: { now: () => new Date() },
    listLagMs: setup.listLagMs,
  });
  try {
    const body = `Round ${round}: your next colour is 20% off this week`;
    const launched = await launchRound(template.path, dir.path, body, twilio.baseUrl);
    const probe = new RoundDb(launched);
    try {
      const runs: EngineRuns = {
        label: `round ${round}`,
        start: () => new EngineChild(launched.dbPath, twilio.baseUrl, setup.settleMs),
        probe,
        done: () => probe.progress().broadcast === 'completed',
        timeoutMs: finishWithinMs(setup),
      };
      const kills = await killRepeatedly(runs, killPlan(random, random.int(2, 4)));
      await runToCompletion(runs);
      await expectEachSentOnce(launched, twilio, body);
      return { round, kills, recovery: probe.recovery(), brokenHistories: probe.brokenHistories(), seconds: (Date.now() - started) / 1000 };
    } finally {
      probe.close();
    }
  } finally {
    await twilio.close();
    dir.remove();
  }
}

async function expectEachSentOnce(launched: Round, twilio: TwilioDouble, body: string): Promise<void> {
  const sent = twilio.messages('outbound-api');
  const byNumber = groupBy(sent, (message) => message.to);
  const twice = [...byNumber].filter(([, messages]) => messages.length > 1).map(([to, messages]) => `${to}: ${messages.map((m) => m.sid).join(', ')}`);
  expect(twice, 'numbers Twilio received more than one text for').toEqual([]);
  expect([...byNumber.keys()].sort(), 'the numbers Twilio received a text for').toEqual([...phones].sort());
  expect(sent.filter((message) => !message.body.startsWith(body)), 'texts with another body').toEqual([]);
  twilio.expectNoViolations();

  const probe = new RoundDb(launched);
  try {
    const sidFor = new Map(sent.map((message) => [message.to, message.sid]));
    const deliveries = probe.deliveries();
    expect(deliveries).toHaveLength(CLIENTS);
    const wrong = deliveries.filter((d) => d.status !== 'delivered' || d.providerMessageId !== sidFor.get(d.address));
    expect(wrong, 'deliveries not delivered under the id of the one text Twilio has for them').toEqual([]);
    const twoIds = [...probe.acceptedIds()].filter(([, ids]) => new Set(ids).size > 1);
    expect(twoIds, 'deliveries accepted under two provider ids').toEqual([]);
  } finally {
    probe.close();
  }

  const stats = await broadcastStats(launched);
  expect(stats).toMatchObject({ recipients: CLIENTS, sent: CLIENTS, delivered: CLIENTS, failed: 0, pending: 0, unknown: 0, skipped: 0 });
  expect(stats.cost).toBeCloseTo(CLIENTS * PRICE_PER_SEGMENT, 6);
}

function describeRound({ round, kills, recovery, brokenHistories, seconds }: RoundReport): string {
  return [
    `round ${round}: ${CLIENTS} texts, each received once, in ${seconds.toFixed(1)} s after ${kills.length} kills`,
    `  ${describeRecovery(recovery)}`,
    ...[...brokenHistories].map(([id, changes]) => `  delivery ${id}: history missing a step: ${changes.join(' ')}`),
  ].join('\n');
}

function summary(all: RoundReport[]): string {
  const kills = all.flatMap((report) => report.kills);
  const total = (key: keyof Recovery) => all.reduce((sum, report) => sum + report.recovery[key], 0);
  const broken = all.reduce((sum, report) => sum + report.brokenHistories.size, 0);
  return [
    `kill -9 soak, seed ${seed}: ${all.length} rounds, ${kills.length} kills, every text received exactly once`,
    ...[...groupBy(kills, (kill) => kill.phase)].map(([phase, landed]) => `  kills ${phase}: ${landed.length}`),
    `  ${describeRecovery({ interrupted: total('interrupted'), adopted: total('adopted'), resent: total('resent'), ambiguous: total('ambiguous') })}`,
    `  deliveries whose history misses a step: ${broken}`,
  ].join('\n');
}
