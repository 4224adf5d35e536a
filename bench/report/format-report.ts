import type { LatencySummary } from '../load/percentiles';
import { latencyRoundWarmupS, type LatencyRound, type P50P99 } from '../measure/latency-rounds';
import type { RunSummary } from '../measure/run-summary';
import { alignColumns } from './align-columns';
import type { BenchResults } from './bench-results';
import { countOf } from './count-of';
import { throughputShare } from './evaluate-targets';
import { formatReloadSection } from './format-reload-section';

/** The human-readable report printed at the end of a run. */
export function formatReport(results: BenchResults, resultsFile: string): string {
  const { environment } = results;
  const lines = [
    `Switchyard benchmark, ${results.startedAt}`,
    `node ${environment.node} on ${environment.platform}, ${environment.cpus} × ${environment.cpuModel}, ` +
      `load average ${environment.loadAverage.map((load) => load.toFixed(2)).join(' ')}`,
    '',
    ...latencySection(results),
    '',
    ...throughputSection(results),
    '',
    ...streamingSection(results),
    '',
    ...formatReloadSection(results),
    '',
    'Targets',
    alignColumns(
      results.targets.map((verdict) => [
        verdict.verdict,
        verdict.target,
        verdict.measured === null ? 'n/a' : `${verdict.measured.toFixed(verdict.unit === 'ms' ? 3 : 1)} ${verdict.unit}`,
        verdict.note ?? '',
      ]),
      'llrl',
    ),
    '',
    `Gateway log: ${results.gatewayLogLines} lines. Results: ${resultsFile}`,
  ];
  return `${lines.join('\n')}\n`;
}

function latencySection({ settings, latency }: BenchResults): string[] {
  const { medians } = latency;
  const rows = [
    [latency.direct, medians.direct],
    [latency.bareProxy, medians.bareProxy],
    [latency.gateway, medians.gateway],
  ] as const;
  const table = rows.map(([run, median]) => [
    ...countCells(run),
    msText(median.p50Ms),
    msText(median.p99Ms),
    ...msCells(run.latency, ['maxMs']),
    ...msCells(run.scheduleLag, ['p99Ms']),
    errorMark(run),
  ]);
  const rounds = countOf(medians.rounds, 'round');
  const plan =
    medians.rounds === 1
      ? `${settings.latencyS} s measured after ${settings.warmupS} s warm-up`
      : `${rounds} × ${settings.latencyS} s per target, targets in turn; ` +
        `warm-up ${settings.warmupS} s in round 1, ${latencyRoundWarmupS(settings.warmupS, 2)} s later`;
  const addedRow = (label: string, bareProxy: P50P99, gateway: P50P99, note: string): string[] => [
    label,
    ...[bareProxy.p50Ms, bareProxy.p99Ms, gateway.p50Ms, gateway.p99Ms].map(signedMs),
    note,
  ];
  const added = [
    ['added over direct', 'bare proxy p50 ms', 'p99 ms', 'gateway p50 ms', 'p99 ms', ''],
    ...latency.rounds.map((round) => addedRow(`  round ${round.round}`, round.added.bareProxy, round.added.gateway, roundErrors(round))),
    addedRow(`  median of ${rounds}`, medians.added.bareProxy, medians.added.gateway, ''),
  ];
  return [
    `1. Latency at ${settings.rate} req/s, open loop, non-streaming (${plan})`,
    alignColumns([['target', 'requests', 'errors', 'p50 ms', 'p99 ms', 'max ms', 'send lag p99 ms', ''], ...table], 'lrrrrrrl'),
    `  p50, p99: median over the ${rounds}; requests, errors, max, send lag: all rounds together`,
    '',
    alignColumns(added, 'lrrrrl'),
  ];
}

function throughputSection({ settings, throughput }: BenchResults): string[] {
  const share = throughputShare(throughput.bareProxy, throughput.gateway);
  const rows = [throughput.bareProxy, throughput.gateway].map((run) => [
    ...countCells(run),
    run.requestsPerSecond.toFixed(0),
    ...msCells(run.latency, ['p50Ms', 'p99Ms']),
    errorMark(run),
  ]);
  return [
    `2. Max throughput, closed loop, ${settings.connections} connections, non-streaming ` +
      `(${settings.throughputS} s measured after ${settings.warmupS} s warm-up)`,
    alignColumns([['target', 'requests', 'errors', 'req/s', 'p50 ms', 'p99 ms', ''], ...rows], 'lrrrrrl'),
    `  gateway / bare proxy: ${share === null ? 'n/a' : `${share.toFixed(1)} %`}`,
  ];
}

function streamingSection({ settings, streaming }: BenchResults): string[] {
  const rows = [streaming.bareProxy, streaming.gateway].map((run) => [
    ...countCells(run),
    run.requestsPerSecond.toFixed(0),
    ...msCells(run.firstChunk, ['p50Ms', 'p99Ms']),
    ...msCells(run.latency, ['p50Ms', 'p99Ms']),
    errorMark(run),
  ]);
  const header = ['target', 'requests', 'errors', 'req/s', 'ttft p50 ms', 'ttft p99 ms', 'stream p50 ms', 'stream p99 ms', ''];
  return [
    `3. Streaming, closed loop, ${settings.streamConnections} connections, ${settings.streamChunks} chunks ` +
      `${settings.streamChunkDelayMs} ms apart (${settings.streamS} s measured after ${settings.warmupS} s warm-up)`,
    alignColumns([header, ...rows], 'lrrrrrrrl'),
  ];
}

function countCells(run: RunSummary): string[] {
  const warmupErrors = run.warmupErrors > 0 ? ` (+${run.warmupErrors} in warm-up)` : '';
  return [run.target, String(run.ok + run.errors), `${run.errors}${warmupErrors}`];
}

function msCells(summary: LatencySummary | null, keys: readonly (keyof LatencySummary)[]): string[] {
  return keys.map((key) => (summary === null ? 'n/a' : summary[key].toFixed(3)));
}

function errorMark(run: RunSummary): string {
  if (run.errors === 0) return '';
  const reasons = Object.entries(run.errorReasons).map(([reason, count]) => `${reason} ×${count}`);
  return `ERRORS: ${reasons.join(', ')}`;
}

function msText(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(3);
}

function signedMs(value: number | null): string {
  return value === null ? 'n/a' : `${value >= 0 ? '+' : ''}${value.toFixed(3)}`;
}

function roundErrors(round: LatencyRound): string {
  const runs = [round.direct, round.bareProxy, round.gateway].filter((run) => run.errors > 0);
  return runs.length === 0 ? '' : `ERRORS: ${runs.map((run) => `${run.target} ${run.errors}`).join(', ')}`;
}
