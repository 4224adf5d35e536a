import { latencyTimeline, type TimelineSecond } from '../load/latency-timeline';
import type { OutcomeRecorder } from '../load/outcome-recorder';
import { summarizeLatencies, type LatencySummary } from '../load/percentiles';
import type { LoadShape } from './measure-plan';

/** The measured part of one run against one target, as reported and saved. */
export interface RunSummary {
  readonly target: string;
  readonly shape: LoadShape;
  readonly stream: boolean;
  readonly elapsedS: number;
  readonly ok: number;
  readonly errors: number;
  readonly errorReasons: Readonly<Record<string, number>>;
  readonly warmupErrors: number;
  /** Successful answers per second of the measured run. */
  readonly requestsPerSecond: number;
  /** Whole request for non-streamed runs, whole stream for streamed ones. */
  readonly latency: LatencySummary | null;
  /** Streamed runs only: time to the first `data:` chunk. */
  readonly firstChunk: LatencySummary | null;
  /** Open loop only: how late requests left compared to their schedule. */
  readonly scheduleLag: LatencySummary | null;
  /** `latency` per second of the run, by send time. */
  readonly timeline: readonly TimelineSecond[];
  /** CPU the target's process used during the measured run; null when it could not be read. */
  readonly serverCpu: ServerCpu | null;
}

/** CPU time of the process that served a run (from /proc, 10 ms resolution). */
export interface ServerCpu {
  readonly cpuMs: number;
  /** `cpuMs` over the run's wall time: 1 is one core fully busy. */
  readonly cores: number;
  /** CPU per successful request, µs: where a server spends more than another, per answer. */
  readonly perRequestUs: number | null;
}

export function serverCpu(cpuMs: number | null, elapsedS: number, ok: number): ServerCpu | null {
  if (cpuMs === null || elapsedS <= 0) return null;
  return { cpuMs, cores: cpuMs / 1000 / elapsedS, perRequestUs: ok > 0 ? (cpuMs * 1000) / ok : null };
}

export interface DrivenRun {
  readonly recorder: OutcomeRecorder;
  readonly elapsedS: number;
  readonly scheduleLagsMs?: readonly number[];
  /** CPU ms the target's process used during the run, when known. */
  readonly serverCpuMs?: number | null;
}

export function summarizeRun(
  target: string,
  shape: LoadShape,
  stream: boolean,
  run: DrivenRun,
  warmupErrors: number,
): RunSummary {
  const { recorder } = run;
  return {
    target,
    shape,
    stream,
    elapsedS: run.elapsedS,
    ok: recorder.okCount,
    errors: recorder.errorCount,
    errorReasons: Object.fromEntries(recorder.failures),
    warmupErrors,
    requestsPerSecond: run.elapsedS > 0 ? recorder.okCount / run.elapsedS : 0,
    latency: summarizeLatencies(recorder.latenciesMs),
    firstChunk: stream ? summarizeLatencies(recorder.firstChunksMs) : null,
    scheduleLag: run.scheduleLagsMs === undefined ? null : summarizeLatencies(run.scheduleLagsMs),
    timeline: latencyTimeline(recorder.sentAtMs, recorder.latenciesMs),
    serverCpu: serverCpu(run.serverCpuMs ?? null, run.elapsedS, recorder.okCount),
  };
}
