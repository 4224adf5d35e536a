import type { BenchSettings } from '../bench-settings';
import type { ChatTarget } from '../load/chat-target';
import type { BenchResults } from '../report/bench-results';
import type { RunSummary } from './run-summary';
import { measureTarget } from './measure-target';
import type { MeasurePlan } from './measure-plan';

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
  const measure = async (section: string, target: ChatTarget, plan: MeasurePlan): Promise<RunSummary> => {
    progress(`${section}: ${target.label} ...`);
    const summary = await measureTarget(target, plan);
    const errors = summary.errors > 0 ? `, ${summary.errors} errors` : '';
    progress(`${section}: ${target.label}: ${summary.ok} ok, ${summary.requestsPerSecond.toFixed(0)} req/s${errors}`);
    return summary;
  };
  const { warmupS } = settings;

  const fixedRate: MeasurePlan = {
    stream: false,
    warmupS,
    shape: { loop: 'open', ratePerSecond: settings.rate, durationS: settings.latencyS },
  };
  const latency = {
    direct: await measure('latency', targets.direct, fixedRate),
    bareProxy: await measure('latency', targets.bareProxy, fixedRate),
    gateway: await measure('latency', targets.gateway, fixedRate),
  };

  const maxRate: MeasurePlan = {
    stream: false,
    warmupS,
    shape: { loop: 'closed', concurrency: settings.connections, durationS: settings.throughputS },
  };
  const throughput = {
    bareProxy: await measure('throughput', targets.bareProxy, maxRate),
    gateway: await measure('throughput', targets.gateway, maxRate),
  };

  const streamed: MeasurePlan = {
    stream: true,
    warmupS,
    shape: { loop: 'closed', concurrency: settings.streamConnections, durationS: settings.streamS },
  };
  const streaming = {
    bareProxy: await measure('streaming', targets.bareProxy, streamed),
    gateway: await measure('streaming', targets.gateway, streamed),
  };
  return { latency, throughput, streaming };
}
