import { median } from '../load/median';
import type { RunSummary } from './run-summary';

/*
 * The latency section runs in rounds (direct, bare proxy, gateway, then again): a burst of noise
 * on a shared machine then hits one round rather than one target's whole run, and the median over
 * rounds of each round's own comparison leaves it out.
 */

/** Warm-up of a later round: only long enough to get a fresh connection pool hot. */
const LaterRoundWarmupS = 0.5;

/** Warm-up before one target's run in `round` (from 1): the full one first, then a short one (never longer). */
export function latencyRoundWarmupS(warmupS: number, round: number): number {
  return round === 1 ? warmupS : Math.min(LaterRoundWarmupS, warmupS);
}

/** A p50 and a p99, ms; null when there is nothing to take them from. */
export interface P50P99 {
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
}

/** One target's run in one round; the per-second timeline is left to the merged summary. */
export type RoundSummary = Omit<RunSummary, 'timeline'>;

export interface LatencyRound {
  /** From 1. */
  readonly round: number;
  readonly direct: RoundSummary;
  readonly bareProxy: RoundSummary;
  readonly gateway: RoundSummary;
  /** This round's p50 and p99 minus those of direct in the same round. */
  readonly added: { readonly bareProxy: P50P99; readonly gateway: P50P99 };
}

export interface LatencyMedians {
  readonly rounds: number;
  /** Median over rounds of each target's own p50 and p99. */
  readonly direct: P50P99;
  readonly bareProxy: P50P99;
  readonly gateway: P50P99;
  /**
   * Median over rounds of the per-round added latency (what the targets judge); not the same as
   * the difference of the medians above.
   */
  readonly added: { readonly bareProxy: P50P99; readonly gateway: P50P99 };
}

export function latencyRound(round: number, direct: RunSummary, bareProxy: RunSummary, gateway: RunSummary): LatencyRound {
  return {
    round,
    direct: withoutTimeline(direct),
    bareProxy: withoutTimeline(bareProxy),
    gateway: withoutTimeline(gateway),
    added: { bareProxy: addedOver(direct, bareProxy), gateway: addedOver(direct, gateway) },
  };
}

/** Medians over the rounds; a round without a value (no successful request) is left out of that median. */
export function latencyMedians(rounds: readonly LatencyRound[]): LatencyMedians {
  const own = (pick: (round: LatencyRound) => RoundSummary): P50P99 => ({
    p50Ms: median(rounds.map((round) => pick(round).latency?.p50Ms ?? null)),
    p99Ms: median(rounds.map((round) => pick(round).latency?.p99Ms ?? null)),
  });
  const added = (pick: (round: LatencyRound) => P50P99): P50P99 => ({
    p50Ms: median(rounds.map((round) => pick(round).p50Ms)),
    p99Ms: median(rounds.map((round) => pick(round).p99Ms)),
  });
  return {
    rounds: rounds.length,
    direct: own((round) => round.direct),
    bareProxy: own((round) => round.bareProxy),
    gateway: own((round) => round.gateway),
    added: { bareProxy: added((round) => round.added.bareProxy), gateway: added((round) => round.added.gateway) },
  };
}

function addedOver(direct: RunSummary, other: RunSummary): P50P99 {
  if (direct.latency === null || other.latency === null) return { p50Ms: null, p99Ms: null };
  return { p50Ms: other.latency.p50Ms - direct.latency.p50Ms, p99Ms: other.latency.p99Ms - direct.latency.p99Ms };
}

function withoutTimeline(run: RunSummary): RoundSummary {
  const { timeline: _timeline, ...rest } = run;
  return rest;
}
