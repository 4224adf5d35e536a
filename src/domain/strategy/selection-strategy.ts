import type { PoolInstance } from '../instance/pool-instance';

export const StrategyKindValues = [
  'round_robin',
  'weighted',
  'least_connections',
  'least_latency',
  'random',
  'p2c',
] as const;
export type StrategyKind = (typeof StrategyKindValues)[number];

/**
 * Picks the next instance of a pool. Each pool owns its own strategy object, because some
 * strategies (round robin, smooth weighted) keep a little state between picks.
 */
export interface SelectionStrategy {
  readonly kind: StrategyKind;
  /** `candidates` is never empty and holds only instances that may be called now, in pool order. */
  pick(candidates: readonly PoolInstance[]): PoolInstance;
}
