import { randomInt } from 'node:crypto';

/** A small seeded PRNG (mulberry32): the same seed gives the same kill plan, so a failure can be replayed. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Spread evenly over orders of magnitude: as many short waits as long ones. */
  logUniform(min: number, max: number): number {
    return Math.round(min * (max / min) ** this.next());
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('nothing to pick from');
    return item;
  }
}

/**
 * When a kill lands:
 * - early: 0 to 300 ms after the database is open, while start() settles the previous run's
 *   interrupted sends and the first claims are made;
 * - mid: anywhere in the sending, from 50 ms to 4 s after the database is open;
 * - tail: once every message was claimed, while the last answers and statuses are still coming in;
 * - enrolling: 0 to 40 ms after the engine starts turning automations on, while the runner decides who
 *   is due and queues their messages in one transaction.
 */
export type KillKind = 'early' | 'mid' | 'tail' | 'enrolling';

export interface Kill {
  kind: KillKind;
  /** After the database is open (early, mid), after every message was claimed (tail), or after the automations began turning on (enrolling). */
  delayMs: number;
}

const KINDS: readonly KillKind[] = ['early', 'mid', 'mid', 'tail'];

/** `kills` kills, each of a kind picked from `kinds` (repeat a kind to make it likelier). */
export function killPlan(random: Random, kills: number, kinds: readonly KillKind[] = KINDS): Kill[] {
  return Array.from({ length: kills }, () => {
    const kind = random.pick(kinds);
    return { kind, delayMs: killDelay(random, kind) };
  });
}

function killDelay(random: Random, kind: KillKind): number {
  switch (kind) {
    case 'early':
      return random.int(0, 300);
    case 'mid':
      return random.logUniform(50, 4000);
    case 'tail':
      return random.int(0, 1500);
    case 'enrolling':
      return random.int(0, 40);
  }
}

/** The run's seed: SOAK_SEED replays a run, else a new one. */
export function soakSeed(): number {
  const seed = Number(process.env.SOAK_SEED ?? randomInt(2 ** 31));
  if (!Number.isSafeInteger(seed)) throw new Error(`SOAK_SEED must be an integer, not ${process.env.SOAK_SEED}`);
  return seed;
}

/** A round's own seed from the run's: any round replays alone with the run's seed. */
export function roundSeed(seed: number, round: number): number {
  return (seed ^ Math.imul(round, 0x9e3779b9)) >>> 0;
}
