import type { LatencySummary } from '../load/percentiles';
import type { P50P99 } from '../measure/latency-rounds';
import type { RoundSummary } from '../measure/latency-rounds';
import type { TreeShape } from './large-config-tree';

/** Reloads made one after another, or during a run: how long each took, and how they ended. */
export interface ReloadTimes {
  readonly count: number;
  /** `applied`, `unchanged`, `rejected`, or what went wrong, with counts; all `applied` when healthy. */
  readonly results: Readonly<Record<string, number>>;
  /** `POST /admin/reload` as the client saw it. */
  readonly roundTripMs: LatencySummary | null;
  /** The gateway's own `durationMs` from the response body. */
  readonly gatewayDurationMs: LatencySummary | null;
}

export interface ReloadLatencyRound {
  /** From 1. */
  readonly round: number;
  readonly withoutReloads: RoundSummary;
  readonly withReloads: RoundSummary;
  /** Reloads made while the "with reloads" run (and its warm-up) went on. */
  readonly reloads: ReloadTimes;
  /** This round's p50 and p99 with reloads minus without. */
  readonly added: P50P99;
}

/** The reload section: reload time on a large tree, and fixed-rate latency with and without reloads. */
export interface ReloadResults {
  readonly tree: TreeShape;
  /** Reloads one after another on the idle gateway, each after rewriting one pool file. */
  readonly idle: ReloadTimes;
  readonly latency: {
    readonly ratePerSecond: number;
    readonly intervalMs: number;
    readonly rounds: readonly ReloadLatencyRound[];
    /** Medians over rounds of each run's own p50 and p99, and of each round's added p50 and p99. */
    readonly medians: { readonly withoutReloads: P50P99; readonly withReloads: P50P99; readonly added: P50P99 };
  };
}
