import type { PollingPool } from '../pool/polling-pool';
import type { RetryBackoff } from '../retry/retry-backoff';
import type { TierLimits } from '../task-group/tier-overflow';
import type { RequestParameters } from './wrapper';

export const RouteKindValues = ['group', 'tier', 'pool', 'wrapper'] as const;
export type RouteKind = (typeof RouteKindValues)[number];

/** One rung a request may be served by, in order. */
export interface RouteStep {
  /** The task group this rung belongs to; undefined when a pool is addressed directly. */
  readonly group: string | undefined;
  /** The tier's name; undefined when a pool is addressed directly. */
  readonly tier: string | undefined;
  readonly pools: readonly PollingPool[];
  /** The tier's concurrency limit and overflow rule; undefined: unlimited. */
  readonly limits?: TierLimits;
}

/** Everything a routable name resolves to, computed once per config snapshot. */
export interface RoutePlan {
  readonly name: string;
  readonly kind: RouteKind;
  readonly description: string | undefined;
  readonly steps: readonly RouteStep[];
  readonly maxAttempts: number;
  readonly timeoutMs: number;
  /** Wait before going round the tiers again on instances already tried. */
  readonly retryBackoff: RetryBackoff;
  /** Longest a served stream may last, counted from the request's start; undefined: unlimited. */
  readonly maxStreamMs: number | undefined;
  readonly defaults: RequestParameters;
  readonly overrides: RequestParameters;
}
