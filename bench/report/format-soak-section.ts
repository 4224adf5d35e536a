import { GatewayKeyValues } from '../measure/target-keys';
import { alignColumns } from './align-columns';
import type { BenchResults } from './bench-results';
import { errorMark, mbText, msCells } from './format-cells';

/** Section 6: both gateways under a steady mixed load. */
export function formatSoakSection({ soak }: BenchResults, number: number): string[] {
  if (soak === null) return [`${number}. Soak: skipped (BENCH_SOAK_S=0)`];
  const rows = GatewayKeyValues.map((key) => {
    const run = soak.runs[key];
    const { rss } = run;
    const errors = run.nonStreamed.errors + run.streamed.errors;
    const growth = rss.growthBytes === null ? 'n/a' : `${rss.growthBytes >= 0 ? '+' : ''}${mbText(rss.growthBytes)}`;
    return [
      run.target,
      String(run.nonStreamed.ok + run.nonStreamed.errors + run.streamed.ok + run.streamed.errors),
      String(errors),
      ...msCells(run.nonStreamed.latency, ['p50Ms', 'p99Ms']),
      ...msCells(run.streamed.firstChunk, ['p50Ms', 'p99Ms']),
      mbText(rss.beforeBytes),
      mbText(rss.startBytes),
      mbText(rss.endBytes),
      mbText(rss.maxBytes),
      growth,
      run.serverCpu === null ? 'n/a' : run.serverCpu.cores.toFixed(2),
      [errorMark(run.nonStreamed), errorMark(run.streamed)].filter((mark) => mark !== '').join('; '),
    ];
  });
  const header = [
    'target',
    'requests',
    'errors',
    'p50 ms',
    'p99 ms',
    'ttft p50 ms',
    'ttft p99 ms',
    'rss before MB',
    'start MB',
    'end MB',
    'max MB',
    'growth MB',
    'cores',
    '',
  ];
  const timelines = GatewayKeyValues.map((key) => {
    const run = soak.runs[key];
    return `  ${run.target} RSS every ${run.rss.timelineEveryS} s (MB): ${run.rss.timelineMb.map((mb) => mb.toFixed(0)).join(' ')}`;
  });
  return [
    `${number}. Soak: ${soak.ratePerSecond} req/s against each gateway at once (${soak.streamPercent}% streamed), open loop, ` +
      `${soak.durationS} s; start = RSS after the first ${soak.warmupS} s, end = RSS when the load ended`,
    alignColumns([header, ...rows], 'lrrrrrrrrrrrrl'),
    ...timelines,
  ];
}
