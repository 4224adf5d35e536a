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
}

export interface DrivenRun {
  readonly recorder: OutcomeRecorder;
  readonly elapsedS: number;
  readonly scheduleLagsMs?: readonly number[];
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
  };
}
