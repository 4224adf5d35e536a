import type { PollingPool } from '../pool/polling-pool';

/** One rung of a task group. Its pools are tried in the order listed. */
export interface Tier {
  readonly name: string;
  readonly pools: readonly PollingPool[];
}
