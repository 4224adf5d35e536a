import type { LatencySummary } from '../load/percentiles';
import { median } from '../load/median';
import type { RunSummary } from './run-summary';
import { ProxyKeyValues, recordOf, TargetKeyValues, type ProxyKey, type TargetKey } from './target-keys';

/*
 * The latency section runs in rounds (every target in turn, then again): a burst of noise on a
 * shared machine then hits one round rather than one target's whole run, and the median over
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

/**
 * What a latency comparison is taken on: the whole answer of a non-streamed request; for a streamed
 * one the time to its first `data:` chunk (what the targets judge) and, as information, the whole stream.
 */
export const LatencyMetricValues = ['answer', 'firstChunk', 'wholeStream'] as const;
export type LatencyMetric = (typeof LatencyMetricValues)[number];

export function metricOf(run: RoundSummary, metric: LatencyMetric): LatencySummary | null {
  switch (metric) {
    case 'answer':
    case 'wholeStream':
      return run.latency;
    case 'firstChunk':
      return run.firstChunk;
  }
}

/** The metrics a run's comparisons are taken on: the judged one first. */
export function metricsFor(stream: boolean): readonly LatencyMetric[] {
  return stream ? ['firstChunk', 'wholeStream'] : ['answer'];
}

export interface LatencyRound {
  /** From 1. */
  readonly round: number;
  readonly runs: Readonly<Record<TargetKey, RoundSummary>>;
  /** Per metric of `metricsFor(stream)`: this round's p50 and p99 minus those of direct in the same round. */
  readonly added: Readonly<Partial<Record<LatencyMetric, Readonly<Record<ProxyKey, P50P99>>>>>;
}

export interface LatencyMedians {
  readonly rounds: number;
  /** Per metric: median over rounds of each target's own p50 and p99. */
  readonly own: Readonly<Partial<Record<LatencyMetric, Readonly<Record<TargetKey, P50P99>>>>>;
  /**
   * Per metric: median over rounds of the per-round added latency (what the targets judge); not
   * the same as the difference of the medians in `own`.
   */
  readonly added: Readonly<Partial<Record<LatencyMetric, Readonly<Record<ProxyKey, P50P99>>>>>;
}

export function latencyRound(round: number, stream: boolean, runs: Readonly<Record<TargetKey, RunSummary>>): LatencyRound {
  const added: Partial<Record<LatencyMetric, Record<ProxyKey, P50P99>>> = {};
  for (const metric of metricsFor(stream)) {
    added[metric] = recordOf(ProxyKeyValues, (key) => addedOver(metricOf(runs.direct, metric), metricOf(runs[key], metric)));
  }
  return { round, runs: recordOf(TargetKeyValues, (key) => withoutTimeline(runs[key])), added };
}

/** Medians over the rounds; a round without a value (no successful request) is left out of that median. */
export function latencyMedians(rounds: readonly LatencyRound[], stream: boolean): LatencyMedians {
  const own: Partial<Record<LatencyMetric, Record<TargetKey, P50P99>>> = {};
  const added: Partial<Record<LatencyMetric, Record<ProxyKey, P50P99>>> = {};
  for (const metric of metricsFor(stream)) {
    own[metric] = recordOf(TargetKeyValues, (key) =>
      medianP50P99(rounds.map((round) => {
        const summary = metricOf(round.runs[key], metric);
        return { p50Ms: summary?.p50Ms ?? null, p99Ms: summary?.p99Ms ?? null };
      })),
    );
    added[metric] = recordOf(ProxyKeyValues, (key) =>
      medianP50P99(rounds.map((round) => round.added[metric]?.[key] ?? { p50Ms: null, p99Ms: null })),
    );
  }
  return { rounds: rounds.length, own, added };
}

function medianP50P99(values: readonly P50P99[]): P50P99 {
  return { p50Ms: median(values.map((value) => value.p50Ms)), p99Ms: median(values.map((value) => value.p99Ms)) };
}

function addedOver(direct: LatencySummary | null, other: LatencySummary | null): P50P99 {
  if (direct === null || other === null) return { p50Ms: null, p99Ms: null };
  return { p50Ms: other.p50Ms - direct.p50Ms, p99Ms: other.p99Ms - direct.p99Ms };
}

export function withoutTimeline(run: RunSummary): RoundSummary {
  const { timeline: _timeline, ...rest } = run;
  return rest;
}
