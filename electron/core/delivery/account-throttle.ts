import type { Clock } from '../clock';
import type { SendOutcome } from '../providers/provider';

/** Twilio's and HTTP's "slow down". */
const SLOW_DOWN = new Set(['20429', '429']);
/** Without a Retry-After, waits double from this, with jitter, up to the longest. */
const FIRST_BACKOFF_MS = 1_000;
const LONGEST_BACKOFF_MS = 60_000;
/** However long a Retry-After asks for, the account is probed again after this. */
const LONGEST_HOLD_MS = 5 * 60_000;

export type Turn = 'go' | 'stopped';

/**
 * One provider account's answer to "slow down" (HTTP 429): the whole account waits, not one text.
 * Every send through it waits until the Retry-After has passed (or an exponential backoff with jitter
 * when none is given); then one send goes alone as a probe, and once the provider takes it, sending
 * resumes at the configured rate. A probe told to slow down again holds the account again.
 */
export class AccountThrottle {
  private holdUntil: number | undefined;
  private probing = false;
  private backoffs = 0;
  private stopped = false;
  private waiters: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly random: () => number = Math.random,
  ) {}

  /** Whether the account is waiting out a 429 or its probe (nothing more should be claimed for it). */
  isHolding(): boolean {
    return this.probing || (this.holdUntil !== undefined && this.clock.now().getTime() < this.holdUntil);
  }

  /** Wait until this send may go: at once, after a hold (one probe first), or 'stopped' if the app stops during a hold. */
  async turn(): Promise<Turn> {
    for (;;) {
      if (!this.probing && this.holdUntil === undefined) return 'go';
      if (this.stopped) return 'stopped';
      if (!this.probing && this.clock.now().getTime() >= (this.holdUntil ?? 0)) {
        this.holdUntil = undefined;
        this.probing = true;
        return 'go';
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Count a send's answer: a 429 holds the account; anything the provider processed ends a probe. */
  record(outcome: SendOutcome): void {
    if (outcome.kind === 'retry' && SLOW_DOWN.has(outcome.code)) {
      this.hold(outcome.retryAfterMs);
      return;
    }
    if (this.probing) {
      this.probing = false;
      this.backoffs = 0;
      this.wakeAll();
    }
  }

  /** Release every send waiting out a hold: the app is stopping, and they go back to the queue unsent. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.wakeAll();
  }

  private hold(retryAfterMs: number | undefined): void {
    const now = this.clock.now().getTime();
    // Several sends in flight may each be told to slow down: one hold, extended only by a longer Retry-After.
    const holding = this.holdUntil !== undefined && this.holdUntil > now;
    if (holding && (retryAfterMs === undefined || now + retryAfterMs <= this.holdUntil!)) return;
    const waitMs = Math.min(LONGEST_HOLD_MS, retryAfterMs ?? this.backoffMs());
    this.holdUntil = now + waitMs;
    this.probing = false;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wakeAll(), waitMs);
  }

  private backoffMs(): number {
    const exponential = Math.min(LONGEST_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** this.backoffs);
    this.backoffs++;
    return Math.round(exponential * (0.5 + this.random() / 2));
  }

  private wakeAll(): void {
    const waiting = this.waiters.splice(0);
    for (const wake of waiting) wake();
  }
}
