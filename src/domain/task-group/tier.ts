import type { PollingPool } from '../pool/polling-pool';
import type { TierLimits } from './tier-overflow';

/** One rung of a task group. Its pools are tried in the order listed. */
export interface Tier {
  readonly name: string;
  readonly pools: readonly PollingPool[];
  /** Absent: unlimited. */
  readonly limits?: TierLimits;
}
