import { latencyRoundWarmupS, type LatencyMetric, type LatencyRound, type P50P99 } from '../measure/latency-rounds';
import type { LatencySection } from '../measure/run-latency-section';
import { ProxyKeyValues, TargetKeyValues, type ProxyKey } from '../measure/target-keys';
import { alignColumns } from './align-columns';
import type { BenchResults } from './bench-results';
import { countOf } from './count-of';
import { countCells, cpuPerRequestText, errorMark, msCells, msText, signedMs } from './format-cells';

const ShortLabels: Readonly<Record<ProxyKey, string>> = {
  passThroughProxy: 'pass-through',
  parsingProxy: 'parsing',
  gateway: 'minimal',
  realisticGateway: 'realistic',
};

/** Sections 1 and 2: fixed-rate latency in rounds, non-streamed then streamed. */
export function formatLatencySection(results: BenchResults, section: LatencySection, number: number): string[] {
  const { settings } = results;
  const { medians, merged } = section;
  const rounds = countOf(medians.rounds, 'round');
  const plan =
    medians.rounds === 1
      ? `${settings.latencyS} s measured after ${settings.warmupS} s warm-up`
      : `${rounds} × ${settings.latencyS} s per target, targets in turn; ` +
        `warm-up ${settings.warmupS} s in round 1, ${latencyRoundWarmupS(settings.warmupS, 2)} s later`;
  const judged: LatencyMetric = section.stream ? 'firstChunk' : 'answer';
  const own = (metric: LatencyMetric, key: (typeof TargetKeyValues)[number]): string[] => {
    const value = medians.own[metric]?.[key];
    return [msText(value?.p50Ms), msText(value?.p99Ms)];
  };
  const header = section.stream
    ? ['target', 'requests', 'errors', 'ttft p50 ms', 'ttft p99 ms', 'stream p50 ms', 'stream p99 ms', 'send lag p99 ms', 'cpu µs/req', '']
    : ['target', 'requests', 'errors', 'p50 ms', 'p99 ms', 'max ms', 'send lag p99 ms', 'cpu µs/req', ''];
  const table = TargetKeyValues.map((key) => {
    const run = merged[key];
    const middle = section.stream ? [...own('firstChunk', key), ...own('wholeStream', key)] : [...own('answer', key), ...msCells(run.latency, ['maxMs'])];
    return [...countCells(run), ...middle, ...msCells(run.scheduleLag, ['p99Ms']), cpuPerRequestText(run.serverCpu), errorMark(run)];
  });
  const addedRow = (label: string, added: Readonly<Record<ProxyKey, P50P99>> | undefined, note: string): string[] => [
    label,
    ...ProxyKeyValues.flatMap((key) => [signedMs(added?.[key].p50Ms), signedMs(added?.[key].p99Ms)]),
    note,
  ];
  const what = section.stream ? 'ttft added over direct' : 'added over direct';
  const added = [
    [what, ...ProxyKeyValues.flatMap((key) => [`${ShortLabels[key]} p50`, 'p99']), ''],
    ...section.rounds.map((round) => addedRow(`  round ${round.round}`, round.added[judged], roundErrors(round))),
    addedRow(`  median of ${rounds}`, medians.added[judged], ''),
  ];
  const lines = [
    `${number}. Latency at ${settings.rate} req/s, open loop, ${section.stream ? `streamed (${settings.streamChunks} chunks ${settings.streamChunkDelayMs} ms apart)` : 'non-streamed'} (${plan})`,
    alignColumns([header, ...table], section.stream ? 'lrrrrrrrrl' : 'lrrrrrrrl'),
    `  ${section.stream ? 'ttft, stream' : 'p50, p99'}: median over the ${rounds}; requests, errors, ${section.stream ? '' : 'max, '}send lag, cpu: all rounds together`,
    '',
    alignColumns(added, 'lrrrrrrrrl'),
  ];
  if (section.stream) {
    const whole = medians.added.wholeStream;
    lines.push(
      `  whole stream added over direct, median of ${rounds} (p50/p99 ms): ` +
        ProxyKeyValues.map((key) => `${ShortLabels[key]} ${signedMs(whole?.[key].p50Ms)}/${signedMs(whole?.[key].p99Ms)}`).join(', '),
    );
  }
  return lines;
}

function roundErrors(round: LatencyRound): string {
  const runs = TargetKeyValues.map((key) => round.runs[key]).filter((run) => run.errors > 0);
  return runs.length === 0 ? '' : `ERRORS: ${runs.map((run) => `${run.target} ${run.errors}`).join(', ')}`;
}
