import type { ClosedLoopSection } from '../measure/run-closed-loop-section';
import type { LatencySection } from '../measure/run-latency-section';
import { BaselineKey, GatewayKeyValues, TargetLabels, type GatewayKey } from '../measure/target-keys';
import type { SoakResults } from '../soak/soak-results';
import type { WaveResults } from '../wave/wave-results';
import { median } from '../load/median';
import { countOf } from './count-of';
import { judge, type TargetVerdict } from './target-verdict';

/** The project's performance targets (issue 8), judged for each gateway configuration. */
export const PerformanceTargets = {
  /** Gateway max throughput, percent of the parsing bare proxy's in the same run. */
  minThroughputSharePercent: 70,
  /** Added latency over direct at the fixed rate (time to first chunk for streams), median over rounds. */
  maxAddedP50Ms: 0.5,
  maxAddedP99Ms: 3,
  /** Wave: gateway time-to-first-token p95 over the parsing bare proxy's. */
  maxWaveTtftP95Ratio: 1.2,
  maxWaveRssMb: 150,
  /** Soak: RSS when the load ends minus RSS after the warm-up. */
  maxSoakRssGrowthMb: 20,
} as const;

export interface TargetInputs {
  readonly rate: number;
  readonly latency: { readonly nonStreamed: LatencySection; readonly streamed: LatencySection };
  readonly throughput: ClosedLoopSection;
  readonly streaming: ClosedLoopSection;
  readonly wave: WaveResults | null;
  readonly soak: SoakResults | null;
}

const MB = 2 ** 20;

/** Every target for both gateways. A run with errors fails the targets it feeds: its numbers cannot be trusted. */
export function evaluateTargets(inputs: TargetInputs): TargetVerdict[] {
  return GatewayKeyValues.flatMap((gateway) => [
    ...latencyTargets(inputs, gateway, inputs.latency.nonStreamed),
    ...latencyTargets(inputs, gateway, inputs.latency.streamed),
    throughputTarget(gateway, inputs.throughput, 'non-streamed'),
    throughputTarget(gateway, inputs.streaming, 'streamed'),
    ...waveTargets(gateway, inputs.wave),
    ...soakTargets(gateway, inputs.soak),
  ]);
}

function latencyTargets(inputs: TargetInputs, gateway: GatewayKey, section: LatencySection): TargetVerdict[] {
  const { rounds, medians } = section;
  const what = section.stream ? 'streamed, added time to first chunk' : 'non-streamed, added latency';
  const over = `at ${inputs.rate} req/s (median of ${countOf(medians.rounds, 'round')})`;
  const errors = rounds.flatMap((round) =>
    (['direct', gateway] as const)
      .map((key) => round.runs[key])
      .filter((run) => run.errors > 0)
      .map((run) => `round ${round.round} ${run.target}: ${run.errors} errors`),
  );
  const added = medians.added[section.stream ? 'firstChunk' : 'answer']?.[gateway] ?? { p50Ms: null, p99Ms: null };
  const label = TargetLabels[gateway];
  const { maxAddedP50Ms, maxAddedP99Ms } = PerformanceTargets;
  return [
    judge(`${label}: ${what} p50 <= ${maxAddedP50Ms} ms ${over}`, added.p50Ms, 'ms', (v) => v <= maxAddedP50Ms, errors),
    judge(`${label}: ${what} p99 <= ${maxAddedP99Ms} ms ${over}`, added.p99Ms, 'ms', (v) => v <= maxAddedP99Ms, errors),
  ];
}

function throughputTarget(gateway: GatewayKey, section: ClosedLoopSection, kind: string): TargetVerdict {
  const errors = [section.merged[BaselineKey], section.merged[gateway]]
    .filter((one) => one.errors > 0)
    .map((one) => `${one.target}: ${one.errors} errors`);
  const min = PerformanceTargets.minThroughputSharePercent;
  const rounds = countOf(section.rounds.length, 'round');
  const label = `${TargetLabels[gateway]}: ${kind} max throughput >= ${min}% of ${TargetLabels[BaselineKey]} (median of ${rounds})`;
  return judge(label, section.medianSharePercent[gateway], '%', (v) => v >= min, errors);
}

function waveTargets(gateway: GatewayKey, wave: WaveResults | null): TargetVerdict[] {
  if (wave === null) return [];
  const label = `${TargetLabels[gateway]}: wave of ${wave.clients} streams`;
  const errors = wave.rounds
    .flatMap((round) => [round[BaselineKey], round[gateway]])
    .filter((one) => one.errors > 0)
    .map((one) => `${one.target}: ${one.errors} of ${one.clients} incomplete`);
  const { maxWaveTtftP95Ratio, maxWaveRssMb } = PerformanceTargets;
  const rounds = countOf(wave.rounds.length, 'round');
  const rssMax = Math.max(...wave.rounds.map((round) => round[gateway].rss.maxBytes ?? Number.NaN));
  return [
    judge(
      `${label}, ttft p95 <= ${maxWaveTtftP95Ratio}× ${TargetLabels[BaselineKey]}'s (median of ${rounds})`,
      medianWaveTtftRatio(wave, gateway),
      '×',
      (v) => v <= maxWaveTtftP95Ratio,
      errors,
    ),
    judge(
      `${label}, max RSS <= ${maxWaveRssMb} MB (over ${rounds})`,
      Number.isNaN(rssMax) ? null : rssMax / MB,
      'MB',
      (v) => v <= maxWaveRssMb,
      errors.filter((line) => line.startsWith(TargetLabels[gateway])),
    ),
  ];
}

/** One round's time-to-first-token p95 of a target over the parsing bare proxy's in the same round. */
export function waveTtftRatio(round: WaveResults['rounds'][number], key: keyof WaveResults['rounds'][number]): number | null {
  const own = round[key].firstChunk?.p95Ms;
  const baseline = round[BaselineKey].firstChunk?.p95Ms;
  return own === undefined || baseline === undefined || baseline <= 0 ? null : own / baseline;
}

/** The median over rounds of each round's ratio, as the other sections judge. */
export function medianWaveTtftRatio(wave: WaveResults, key: keyof WaveResults['rounds'][number]): number | null {
  return median(wave.rounds.map((round) => waveTtftRatio(round, key)));
}

function soakTargets(gateway: GatewayKey, soak: SoakResults | null): TargetVerdict[] {
  if (soak === null) return [];
  const run = soak.runs[gateway];
  const errors = [run.nonStreamed, run.streamed]
    .filter((one) => one.errors > 0)
    .map((one) => `${one.stream ? 'streamed' : 'non-streamed'}: ${one.errors} errors`);
  const max = PerformanceTargets.maxSoakRssGrowthMb;
  return [
    judge(
      `${TargetLabels[gateway]}: soak ${soak.durationS} s at ${soak.ratePerSecond} req/s, RSS growth after warm-up <= ${max} MB`,
      run.rss.growthBytes === null ? null : run.rss.growthBytes / MB,
      'MB',
      (v) => v <= max,
      errors,
    ),
  ];
}
