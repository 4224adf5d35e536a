import type { BenchSettings } from '../bench-settings';
import type { ChatTarget } from '../load/chat-target';
import type { BenchResults } from '../report/bench-results';
import { measureTarget, type MeasuredRun } from './measure-target';
import type { MeasurePlan } from './measure-plan';
import { runClosedLoopSection } from './run-closed-loop-section';
import { runLatencySection } from './run-latency-section';
import type { TargetKey } from './target-keys';

type Measured = Pick<BenchResults, 'latency' | 'throughput' | 'streaming'>;

/** Latency, max throughput and streaming, one target at a time so that they do not compete for the CPU. */
export async function runBenchPlan(
  targets: Readonly<Record<TargetKey, ChatTarget>>,
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
  const latency = await runLatencySection(targets, settings, measure, progress);
  const throughput = await runClosedLoopSection(
    'throughput',
    targets,
    {
      stream: false,
      warmupS: settings.warmupS,
      rounds: settings.throughputRounds,
      shape: { loop: 'closed', concurrency: settings.connections, durationS: settings.throughputS },
    },
    measure,
  );
  const streaming = await runClosedLoopSection(
    'streaming',
    targets,
    {
      stream: true,
      warmupS: settings.warmupS,
      rounds: settings.throughputRounds,
      shape: { loop: 'closed', concurrency: settings.streamConnections, durationS: settings.streamS },
    },
    measure,
  );
  return { latency, throughput, streaming };
}
