import { BaselineKey, TargetLabels, WaveKeyValues } from '../measure/target-keys';
import { alignColumns } from './align-columns';
import type { BenchResults } from './bench-results';
import { medianWaveTtftRatio, waveTtftRatio } from './evaluate-targets';
import { cpuPerRequestText, errorMark, mbText, msCells, msText } from './format-cells';

/** Section 5: the streaming wave. */
export function formatWaveSection(results: BenchResults, number: number): string[] {
  const { settings, wave } = results;
  if (wave === null) return [`${number}. Streaming wave: skipped (BENCH_WAVE=0)`];
  const multiple = wave.rounds.length > 1;
  const rows = wave.rounds.flatMap((round, index) => WaveKeyValues.map((key) => {
    const run = round[key];
    const ratio = waveTtftRatio(round, key);
    const atPeak = run.rss.atPeakOpen;
    return [
      multiple ? `${run.target}, wave ${index + 1}${index === 0 ? ' (cold)' : ''}` : run.target,
      String(run.completed),
      String(run.errors),
      ...msCells(run.firstChunk, ['p50Ms', 'p95Ms', 'p99Ms']),
      ratio === null ? 'n/a' : `${ratio.toFixed(2)}×`,
      ...msCells(run.wholeStream, ['p50Ms', 'p99Ms']),
      mbText(run.rss.beforeBytes),
      mbText(run.rss.maxBytes),
      atPeak === null ? 'n/a' : `${mbText(atPeak.rssBytes)} @${atPeak.open}`,
      cpuPerRequestText(run.serverCpu),
      run.serverCpu === null ? 'n/a' : run.serverCpu.cores.toFixed(2),
      run.upstreamCores === null ? '-' : run.upstreamCores.toFixed(2),
      run.benchCores.toFixed(2),
      msText(run.arrivalLag?.p99Ms),
      errorMark(run),
    ];
  }));
  const medians = WaveKeyValues.filter((key) => key !== BaselineKey && key !== 'direct').map((key) => {
    const ratio = medianWaveTtftRatio(wave, key);
    return `${TargetLabels[key]} ${ratio === null ? 'n/a' : `${ratio.toFixed(2)}×`}`;
  });
  const header = [
    'target',
    'complete',
    'errors',
    'ttft p50 ms',
    'p95 ms',
    'p99 ms',
    `p95 vs parsing`,
    'stream p50 ms',
    'p99 ms',
    'rss before MB',
    'rss max MB',
    'rss MB @open',
    'cpu µs/stream',
    'cores',
    'mock cores',
    'bench cores',
    'send lag p99 ms',
    '',
  ];
  return [
    `${number}. Streaming wave: ${wave.clients} clients, each on its own connection, arriving evenly over ${wave.arrivalMs} ms; ` +
      `upstream streams ${wave.chunks} chunks ${wave.chunkDelayMs} ms apart; every stream must end with [DONE]`,
    alignColumns([header, ...rows], 'lrrrrrrrrrrrrrrrrl'),
    `  ttft: from sending (connect included) to the first data: bytes; p95 vs parsing: over ${TargetLabels[BaselineKey]}'s p95 in the same wave`,
    `  ttft p95 vs parsing, median of ${wave.rounds.length} waves: ${medians.join('; ')}` +
      (multiple ? '; wave 1 is cold (every proxy opens its upstream connections during it), later waves reuse them' : ''),
    `  rss: VmRSS of the serving process every 100 ms; @open: read the moment that many streams were open at once; ` +
      `upstream pools: ${settings.upstreamConnections} connections`,
    `  cores: the serving process's CPU over the wave's wall time; mock cores: the wave mock's (for direct it is the target); ` +
      'bench cores: the bench process itself (its send lag shows when it was late)',
    `  the machine has ${results.environment.cpus} cores: when cores + mock cores + bench cores come near that, the wave measures a saturated machine`,
  ];
}
