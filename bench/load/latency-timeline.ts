import { percentile } from './percentiles';

/** Latency of the requests sent during one second of a run: shows warm-up tails and periodic stalls. */
export interface TimelineSecond {
  /** Runs merged from rounds only: the round (from 1) this second belongs to; `second` counts within it. */
  readonly round?: number;
  readonly second: number;
  readonly ok: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** Groups successful requests by the second they were sent in. */
export function latencyTimeline(sentAtMs: readonly number[], latenciesMs: readonly number[]): TimelineSecond[] {
  const bySecond = new Map<number, number[]>();
  sentAtMs.forEach((at, index) => {
    const second = Math.floor(at / 1000);
    const bucket = bySecond.get(second) ?? [];
    bucket.push(latenciesMs[index] ?? Number.NaN);
    bySecond.set(second, bucket);
  });
  return [...bySecond.entries()]
    .sort(([a], [b]) => a - b)
    .map(([second, samples]) => {
      const sorted = Float64Array.from(samples).sort();
      return {
        second,
        ok: sorted.length,
        p50Ms: percentile(sorted, 50),
        p99Ms: percentile(sorted, 99),
        maxMs: sorted[sorted.length - 1] ?? Number.NaN,
      };
    });
}
