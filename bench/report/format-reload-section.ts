import type { LatencySummary } from '../load/percentiles';
import type { RoundSummary } from '../measure/latency-rounds';
import type { ReloadTimes } from '../reload/reload-results';
import { alignColumns } from './align-columns';
import type { BenchResults } from './bench-results';
import { countOf } from './count-of';

/** The reload section of the report: reload time on the large tree, and latency with and without reloads. */
export function formatReloadSection({ settings, reload }: BenchResults, number: number): string[] {
  if (reload === null) return [`${number}. Reload: skipped (BENCH_RELOAD=0)`];
  const { tree, idle, latency } = reload;
  const during = latency.rounds.map((round) => round.reloads);
  const reloadRows = [
    ['reloads', 'count', 'p50 ms', 'max ms', 'results'],
    timesRow('idle, round trip', idle, idle.roundTripMs),
    timesRow('idle, gateway durationMs', idle, idle.gatewayDurationMs),
    ...latency.rounds.map((round) => timesRow(`under load r${round.round}, gateway durationMs`, round.reloads, round.reloads.gatewayDurationMs)),
  ];
  const runRows = [
    ['run', 'requests', 'errors', 'p50 ms', 'p99 ms', 'max ms', ''],
    ...latency.rounds.flatMap((round) => [
      runRow(`round ${round.round} without reloads`, round.withoutReloads),
      runRow(`round ${round.round} with reloads`, round.withReloads),
    ]),
  ];
  const { medians } = latency;
  const rounds = countOf(latency.rounds.length, 'round');
  return [
    `${number}. Reload: generated tree of ${tree.providers} providers, ${tree.pools} pools, ${tree.instances} instances, ` +
      `${tree.groups} groups (one pool file rewritten before each POST /admin/reload; gateway run with --no-watch)`,
    alignColumns(reloadRows, 'lrrrl'),
    '',
    `  Latency at ${latency.ratePerSecond} req/s, open loop, non-streaming, on that gateway: without reloads, then with ` +
      `one every ${latency.intervalMs} ms (${rounds} × ${settings.latencyS} s per run; ${reloadsMade(during)} reloads during the runs)`,
    alignColumns(runRows, 'lrrrrrl'),
    `  median of ${rounds}: p50 ${ms(medians.withoutReloads.p50Ms)} -> ${ms(medians.withReloads.p50Ms)} ms, ` +
      `p99 ${ms(medians.withoutReloads.p99Ms)} -> ${ms(medians.withReloads.p99Ms)} ms ` +
      `(added by reloads: p50 ${signed(medians.added.p50Ms)}, p99 ${signed(medians.added.p99Ms)} ms)`,
  ];
}

function timesRow(label: string, times: ReloadTimes, summary: LatencySummary | null): string[] {
  const results = Object.entries(times.results).map(([result, count]) => `${result} ×${count}`);
  return [label, String(times.count), ms(summary?.p50Ms ?? null), ms(summary?.maxMs ?? null), results.join(', ')];
}

function runRow(label: string, run: RoundSummary): string[] {
  const latency = run.latency;
  const reasons = Object.entries(run.errorReasons).map(([reason, count]) => `${reason} ×${count}`);
  return [
    label,
    String(run.ok + run.errors),
    String(run.errors),
    ms(latency?.p50Ms ?? null),
    ms(latency?.p99Ms ?? null),
    ms(latency?.maxMs ?? null),
    run.errors > 0 ? `ERRORS: ${reasons.join(', ')}` : '',
  ];
}

function reloadsMade(during: readonly ReloadTimes[]): number {
  return during.reduce((sum, times) => sum + times.count, 0);
}

function ms(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(3);
}

function signed(value: number | null): string {
  return value === null ? 'n/a' : `${value >= 0 ? '+' : ''}${value.toFixed(3)}`;
}

