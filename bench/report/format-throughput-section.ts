import type { ClosedLoopSection } from '../measure/run-closed-loop-section';
import { latencyRoundWarmupS } from '../measure/latency-rounds';
import { BaselineKey, GatewayKeyValues, ProxyKeyValues, TargetLabels } from '../measure/target-keys';
import { alignColumns } from './align-columns';
import type { BenchResults } from './bench-results';
import { countOf } from './count-of';
import { countCells, cpuPerRequestText, errorMark, msCells, percentText } from './format-cells';

/** Section 3: closed-loop max throughput, non-streamed, every proxy and gateway, in rounds. */
export function formatThroughputSection(results: BenchResults, number: number): string[] {
  const { settings, throughput } = results;
  const rows = ProxyKeyValues.map((key) => {
    const run = throughput.merged[key];
    return [
      ...countCells(run),
      run.requestsPerSecond.toFixed(0),
      percentText(throughput.medianSharePercent[key]),
      ...msCells(run.latency, ['p50Ms', 'p99Ms']),
      cpuPerRequestText(run.serverCpu),
      cpuShareText(throughput, key),
      run.serverCpu === null ? 'n/a' : run.serverCpu.cores.toFixed(2),
      errorMark(run),
    ];
  });
  const header = ['target', 'requests', 'errors', 'req/s', `vs parsing`, 'p50 ms', 'p99 ms', 'cpu µs/req', 'cpu share', 'cores', ''];
  return [
    `${number}. Max throughput, closed loop, ${settings.connections} connections, non-streamed (${plan(results, throughput, settings.throughputS)})`,
    alignColumns([header, ...rows], 'lrrrrrrrrrl'),
    ...shareLines(throughput),
    '  cpu: the serving process only (user + system, from /proc), per successful answer; cores: its CPU over wall time',
    `  cpu share: ${TargetLabels[BaselineKey]}'s cpu µs/req over this target's, the throughput share a CPU-bound target would reach (steadier than req/s on a shared machine; not judged)`,
  ];
}

/** Section 4: closed-loop streaming, every proxy and gateway, in rounds. */
export function formatStreamingSection(results: BenchResults, number: number): string[] {
  const { settings, streaming } = results;
  const rows = ProxyKeyValues.map((key) => {
    const run = streaming.merged[key];
    return [
      ...countCells(run),
      run.requestsPerSecond.toFixed(0),
      percentText(streaming.medianSharePercent[key]),
      ...msCells(run.firstChunk, ['p50Ms', 'p99Ms']),
      ...msCells(run.latency, ['p50Ms', 'p99Ms']),
      cpuPerRequestText(run.serverCpu),
      cpuShareText(streaming, key),
      errorMark(run),
    ];
  });
  const header = ['target', 'requests', 'errors', 'req/s', 'vs parsing', 'ttft p50 ms', 'ttft p99 ms', 'stream p50 ms', 'stream p99 ms', 'cpu µs/req', 'cpu share', ''];
  return [
    `${number}. Streaming, closed loop, ${settings.streamConnections} connections, ${settings.streamChunks} chunks ` +
      `${settings.streamChunkDelayMs} ms apart (${plan(results, streaming, settings.streamS)})`,
    alignColumns([header, ...rows], 'lrrrrrrrrrrl'),
    ...shareLines(streaming),
  ];
}

function plan({ settings }: BenchResults, section: ClosedLoopSection, seconds: number): string {
  const rounds = countOf(section.rounds.length, 'round');
  return (
    `${rounds} × ${seconds} s per target, targets in turn; warm-up ${settings.warmupS} s in round 1, ` +
    `${latencyRoundWarmupS(settings.warmupS, 2)} s later`
  );
}

/** The judged figure, and every round's share so that an outlier round is visible. */
function shareLines(section: ClosedLoopSection): string[] {
  const rounds = countOf(section.rounds.length, 'round');
  const perRound = GatewayKeyValues.map(
    (key) => `${TargetLabels[key]} ${section.rounds.map((round) => percentText(round.sharePercent[key]).replace(' %', '')).join(' / ')} %`,
  );
  return [
    `  req/s: all rounds together; vs parsing: median over the ${rounds} of each round's req/s over ${TargetLabels[BaselineKey]}'s`,
    `  per round: ${perRound.join('; ')}`,
  ];
}

/** The parsing proxy's CPU per answer over this target's, as a percentage. */
function cpuShareText(section: ClosedLoopSection, key: keyof ClosedLoopSection['merged']): string {
  const own = section.merged[key].serverCpu?.perRequestUs;
  const baseline = section.merged[BaselineKey].serverCpu?.perRequestUs;
  if (own === undefined || own === null || baseline === undefined || baseline === null || own <= 0) return 'n/a';
  return percentText((100 * baseline) / own);
}
