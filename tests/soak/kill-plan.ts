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
 * - tail: once every message was claimed, while the last answers and statuses are still coming in.
 */
export type KillKind = 'early' | 'mid' | 'tail';

export interface Kill {
  kind: KillKind;
  /** After the database is open (early, mid), or after every message was claimed (tail). */
  delayMs: number;
}

const KINDS: readonly KillKind[] = ['early', 'mid', 'mid', 'tail'];

export function killPlan(random: Random, kills: number): Kill[] {
  return Array.from({ length: kills }, () => {
    const kind = random.pick(KINDS);
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
  }
}

/** A round's own seed from the run's: any round replays alone with the run's seed. */
export function roundSeed(seed: number, round: number): number {
  return (seed ^ Math.imul(round, 0x9e3779b9)) >>> 0;
}
