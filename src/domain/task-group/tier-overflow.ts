/** What a tier does when its `concurrency_limit` is reached. */
export const TierOverflowValues = ['next_tier', 'queue'] as const;
export type TierOverflow = (typeof TierOverflowValues)[number];

/** Limits of one tier; `concurrencyLimit` undefined means unlimited. */
export interface TierLimits {
  readonly concurrencyLimit: number | undefined;
  readonly overflow: TierOverflow;
  /** Longest wait in the tier's queue (overflow = "queue"). */
  readonly queueTimeoutMs: number;
  /** Requests that may wait at once; a full queue answers 429. */
  readonly queueSize: number;
}

export const UNLIMITED_TIER: TierLimits = { concurrencyLimit: undefined, overflow: 'next_tier', queueTimeoutMs: 0, queueSize: 0 };
