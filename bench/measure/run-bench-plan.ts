import type { BenchSettings } from '../bench-settings';
import type { ChatTarget } from '../load/chat-target';
import type { BenchResults } from '../report/bench-results';
import { latencyMedians, latencyRound, latencyRoundWarmupS, type LatencyRound } from './latency-rounds';
import { measureTarget, type MeasuredRun } from './measure-target';
import type { LoadShape, MeasurePlan } from './measure-plan';
import { mergeRuns } from './merge-runs';

export interface PlanTargets {
  readonly direct: ChatTarget;
  readonly bareProxy: ChatTarget;
  readonly gateway: ChatTarget;
}

type Measured = Pick<BenchResults, 'latency' | 'throughput' | 'streaming'>;

/** The three measurements, one target at a time so that they do not compete for the CPU. */
export async function runBenchPlan(
  targets: PlanTargets,
  settings: BenchSettings,
  progress: (line: string) => void,
): Promise<Measured> {
  const measure = async (section: string, target: ChatTarget, plan: MeasurePlan): Promise<MeasuredRun> => {
    progress(`${section}: ${target.label} ...`);
    const measured = await measureTarget(target, plan);
    const { summary } = measured;
    const errors = summary.errors > 0 ? `, ${summary.errors} errors` : '';
    progress(`${section}: ${target.label}: ${summary.ok} ok, ${summary.requestsPerSecond.toFixed(0)} req/s${errors}`);
    return measured;
  };
  const { warmupS } = settings;

  // Rounds of direct, bare proxy, gateway (see latency-rounds.ts); each run has its own fresh pool.
  const fixedRate: LoadShape = { loop: 'open', ratePerSecond: settings.rate, durationS: settings.latencyS };
  const runs = { direct: [] as MeasuredRun[], bareProxy: [] as MeasuredRun[], gateway: [] as MeasuredRun[] };
  const rounds: LatencyRound[] = [];
  for (let round = 1; round <= settings.latencyRounds; round += 1) {
    const section = `latency round ${round}/${settings.latencyRounds}`;
    const plan: MeasurePlan = { stream: false, warmupS: latencyRoundWarmupS(warmupS, round), shape: fixedRate };
    const direct = await measure(section, targets.direct, plan);
    const bareProxy = await measure(section, targets.bareProxy, plan);
    const gateway = await measure(section, targets.gateway, plan);
    runs.direct.push(direct);
    runs.bareProxy.push(bareProxy);
    runs.gateway.push(gateway);
    const done = latencyRound(round, direct.summary, bareProxy.summary, gateway.summary);
    rounds.push(done);
    const ms = (value: number | null): string => (value === null ? 'n/a' : value.toFixed(3));
    progress(`${section}: gateway added over direct p50 ${ms(done.added.gateway.p50Ms)} ms, p99 ${ms(done.added.gateway.p99Ms)} ms`);
  }
  const latency = {
    direct: mergeRuns(targets.direct.label, fixedRate, false, runs.direct),
    bareProxy: mergeRuns(targets.bareProxy.label, fixedRate, false, runs.bareProxy),
    gateway: mergeRuns(targets.gateway.label, fixedRate, false, runs.gateway),
    rounds,
    medians: latencyMedians(rounds),
  };

  const maxRate: MeasurePlan = {
    stream: false,
    warmupS,
    shape: { loop: 'closed', concurrency: settings.connections, durationS: settings.throughputS },
  };
  const throughput = {
    bareProxy: (await measure('throughput', targets.bareProxy, maxRate)).summary,
    gateway: (await measure('throughput', targets.gateway, maxRate)).summary,
  };

  const streamed: MeasurePlan = {
    stream: true,
    warmupS,
    shape: { loop: 'closed', concurrency: settings.streamConnections, durationS: settings.streamS },
  };
  const streaming = {
    bareProxy: (await measure('streaming', targets.bareProxy, streamed)).summary,
    gateway: (await measure('streaming', targets.gateway, streamed)).summary,
  };
  return { latency, throughput, streaming };
}
