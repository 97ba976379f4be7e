import type { SendOutcome } from '../providers/provider';

/** Failures in a row (timeouts, outages, refused credentials) that open the circuit. */
const FAILURES_TO_OPEN = 5;
const FIRST_WAIT_MS = 60_000;
const LONGEST_WAIT_MS = 15 * 60_000;
/** Twilio's and HTTP's "slow down": the provider is working as meant. */
const RATE_LIMITED = new Set(['20429', '429']);

/**
 * One provider account's health. After several failures in a row the circuit opens: sending to that
 * account stops (its broadcasts are paused, never failed) until a wait is over; then one message
 * probes it. Success closes the circuit; another failure opens it for twice as long.
 * A rate limit (429) is the provider working as meant, not a failure.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil: number | undefined;
  private waitMs = FIRST_WAIT_MS;
  private probing = false;

  /** Whether messages may be sent now; the first call after the wait starts a probe. */
  allowsSending(now: Date): boolean {
    if (this.openUntil === undefined) return true;
    if (now.getTime() < this.openUntil) return false;
    this.openUntil = undefined;
    this.probing = true;
    return true;
  }

  readyToProbe(now: Date): boolean {
    return this.openUntil !== undefined && now.getTime() >= this.openUntil;
  }

  /** While probing, one message at a time goes out. */
  isProbing(): boolean {
    return this.probing;
  }

  /** Count one answer; returns true when this answer opened the circuit. */
  record(outcome: SendOutcome, at: Date): boolean {
    if (outcome.kind === 'accepted' || outcome.kind === 'rejected') {
      this.failures = 0;
      this.probing = false;
      this.waitMs = FIRST_WAIT_MS;
      return false;
    }
    if (outcome.kind === 'retry' && RATE_LIMITED.has(outcome.code)) return false;
    this.failures++;
    if (this.openUntil !== undefined || (!this.probing && this.failures < FAILURES_TO_OPEN)) return false;
    this.openUntil = at.getTime() + this.waitMs;
    this.waitMs = Math.min(LONGEST_WAIT_MS, this.waitMs * 2);
    this.failures = 0;
    this.probing = false;
    return true;
  }
}
