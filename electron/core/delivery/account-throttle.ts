import type { SendOutcome } from '../providers/provider';

/** Twilio's and HTTP's "slow down". */
const SLOW_DOWN = new Set(['20429', '429']);
/** Without a Retry-After, waits double from this, with jitter, up to the longest. */
const FIRST_BACKOFF_MS = 1_000;
const LONGEST_BACKOFF_MS = 60_000;
/** However long a Retry-After asks for, the account is probed again after this. */
const LONGEST_HOLD_MS = 5 * 60_000;

/**
 * One provider account's answer to "slow down" (HTTP 429): the whole account waits, not one text.
 * Nothing is claimed or sent through it until the Retry-After has passed (or an exponential backoff
 * with jitter when none is given); sends already claimed go back to the queue unsent. Then one send
 * goes alone as a probe, and once the provider takes it, sending resumes through the limiter at the
 * configured rate. A probe told to slow down again holds the account again.
 */
export class AccountThrottle {
  private holdUntil: number | undefined;
  private probeOut = false;
  private backoffs = 0;

  constructor(private readonly random: () => number = Math.random) {}

  /** Whether nothing more should be claimed for the account: a hold is running, or its probe is out. */
  isHolding(now: number): boolean {
    return this.probeOut || (this.holdUntil !== undefined && now < this.holdUntil);
  }

  /** The hold is over and no probe is out yet: claim one message to probe with. */
  probeDue(now: number): boolean {
    return !this.probeOut && this.holdUntil !== undefined && now >= this.holdUntil;
  }

  /** Whether this send may go to the provider now; the first one after a hold is the probe. */
  admit(now: number): boolean {
    if (this.probeOut) return false;
    if (this.holdUntil === undefined) return true;
    if (now < this.holdUntil) return false;
    this.holdUntil = undefined;
    this.probeOut = true;
    return true;
  }

  /** Count a send's answer: a 429 holds the account; anything the provider took or refused for good ends a probe. */
  record(outcome: SendOutcome, now: number): void {
    if (outcome.kind === 'retry' && SLOW_DOWN.has(outcome.code)) {
      this.hold(outcome.retryAfterMs, now);
    } else if (this.probeOut) {
      this.probeOut = false;
      this.backoffs = 0;
    }
  }

  private hold(retryAfterMs: number | undefined, now: number): void {
    this.probeOut = false;
    // Several sends in flight may each be told to slow down: one hold, extended only by a longer Retry-After.
    if (this.holdUntil !== undefined && now < this.holdUntil) {
      if (retryAfterMs !== undefined) this.holdUntil = Math.max(this.holdUntil, now + Math.min(LONGEST_HOLD_MS, retryAfterMs));
      return;
    }
    this.holdUntil = now + Math.min(LONGEST_HOLD_MS, retryAfterMs ?? this.backoffMs());
  }

  private backoffMs(): number {
    const exponential = Math.min(LONGEST_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** this.backoffs);
    this.backoffs++;
    return Math.round(exponential * (0.5 + this.random() / 2));
  }
}
