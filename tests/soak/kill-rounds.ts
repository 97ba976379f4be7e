import { expect } from 'vitest';
import type { EngineChild } from './engine-child';
import { TURNING_ON_LINE } from './engine-child';
import type { Kill } from './kill-plan';
import type { Progress, Recovery, RoundDb } from './round-db';

// The kill loop every soak round shares: start an engine on the round's folder, kill -9 it at a planned
// moment, note where the work had got to, again and again; then one last engine runs undisturbed.

const PROBE_EVERY_MS = 20;

/** Where a kill landed, from the database right after it. */
export type Phase =
  | 'before turning on'
  | 'while enrolling'
  | 'before the first claim'
  | 'while sending'
  | 'after every claim'
  | 'after completion';

export type LandedKill = Kill & { phase: Phase; leftSending: number };

/** One round's engines, each on the round's folder in turn. */
export interface EngineRuns {
  /** Names the round in what is printed, e.g. "round 3". */
  label: string;
  /** A new engine on the round's folder. */
  start(): EngineChild;
  /** A reader of the round's database, for as long as the round. */
  probe: RoundDb;
  /** Whether the round's work is over: the last engine runs until it is. */
  done(): boolean;
  /** How long the round's work may take. */
  timeoutMs: number;
  /** Where a kill landed, when the sending phases do not say it all (default: sendingPhase). */
  phase?(engine: EngineChild): Phase;
}

/** Start an engine and kill -9 it for each kill of the plan, in turn; where each landed. */
export async function killRepeatedly(runs: EngineRuns, plan: Kill[]): Promise<LandedKill[]> {
  const landed: LandedKill[] = [];
  for (const kill of plan) {
    const engine = runs.start();
    try {
      await waitForKillMoment(engine, runs, kill);
    } finally {
      await engine.kill();
    }
    expectNoEngineErrors(engine);
    const progress = runs.probe.progress();
    const outcome = { ...kill, phase: runs.phase?.(engine) ?? sendingPhase(progress), leftSending: progress.byStatus.sending ?? 0 };
    // Printed as it lands, so a failing round still shows where its kills fell.
    console.log(`${runs.label}: kill -9 (${outcome.kind}, +${outcome.delayMs} ms) ${outcome.phase}, ${outcome.leftSending} left at sending`);
    landed.push(outcome);
  }
  return landed;
}

async function waitForKillMoment(engine: EngineChild, runs: EngineRuns, { kind, delayMs }: Kill): Promise<void> {
  await engine.ready;
  if (kind === 'tail') await until(engine, () => everyoneClaimed(runs.probe.progress()), runs.timeoutMs);
  if (kind === 'enrolling') await engine.printed(TURNING_ON_LINE);
  await sleep(delayMs);
}

/** The last engine runs undisturbed until the round's work is done. */
export async function runToCompletion(runs: EngineRuns): Promise<void> {
  const engine = runs.start();
  try {
    await engine.ready;
    await until(engine, runs.done, runs.timeoutMs);
  } finally {
    await engine.kill();
  }
  expectNoEngineErrors(engine);
}

export function expectNoEngineErrors(engine: EngineChild): void {
  expect(engine.logs.filter((line) => line.level === 'error' || line.level === 'stderr'), 'what the engine logged as errors').toEqual([]);
}

function everyoneClaimed(progress: Progress): boolean {
  const { queued = 0, unknown = 0 } = progress.byStatus;
  // Automation runs: none is made until the runner has decided who is due.
  return (queued === 0 && unknown === 0 && progress.broadcast !== null) || progress.broadcast === 'completed';
}

export function sendingPhase(progress: Progress): Phase {
  if (progress.broadcast === 'completed') return 'after completion';
  if (progress.claimed === 0) return 'before the first claim';
  return (progress.byStatus.queued ?? 0) > 0 ? 'while sending' : 'after every claim';
}

/** Poll until `done`, failing at once if the engine dies on its own. */
export async function until(engine: EngineChild, done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    engine.assertAlive();
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
    await sleep(PROBE_EVERY_MS);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export function describeRecovery({ interrupted, adopted, resent, ambiguous }: Recovery): string {
  return `found at sending on restart ${interrupted}: adopted from Twilio ${adopted}, sent again ${resent}; sends timed out ${ambiguous}`;
}
