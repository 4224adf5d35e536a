import type { RandomSource } from '../strategy/random-source';

/** Wait before a request goes round its tiers again, on instances it already tried. */
export interface RetryBackoff {
  /** Ceiling of the first wait; doubles each round. */
  readonly baseMs: number;
  /** The ceiling never grows past this. */
  readonly maxMs: number;
}

export const DEFAULT_RETRY_BACKOFF: RetryBackoff = { baseMs: 200, maxMs: 2000 };

/**
 * "Full jitter": a uniform wait between 0 and min(max, base x 2^(round-1)), so that clients retrying
 * together spread out instead of arriving in waves. `round` starts at 1.
 */
export function fullJitterDelayMs(backoff: RetryBackoff, round: number, random: RandomSource): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, round - 1));
  return Math.floor(random() * ceiling);
}
