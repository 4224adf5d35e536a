import { OutcomeRecorder } from '../load/outcome-recorder';
import type { LoadShape } from './measure-plan';
import type { MeasuredRun } from './measure-target';
import { summarizeRun, type RunSummary } from './run-summary';

/**
 * One summary over every sample of several runs of the same shape against the same target (the
 * rounds of the latency section): counts and error reasons added up, percentiles over all samples
 * together, `elapsedS`, `shape.durationS` and the server's CPU time summed, and the runs'
 * timelines one after the other, each second tagged with its round.
 */
export function mergeRuns(target: string, shape: LoadShape, stream: boolean, runs: readonly MeasuredRun[]): RunSummary {
  const recorder = new OutcomeRecorder();
  const scheduleLagsMs: number[] = [];
  let elapsedS = 0;
  let warmupErrors = 0;
  let hasScheduleLags = false;
  let serverCpuMs: number | null = 0;
  for (const { summary, run } of runs) {
    const source = run.recorder;
    // Element by element: a spread of a long run's samples could overflow the call stack.
    for (const latency of source.latenciesMs) recorder.latenciesMs.push(latency);
    for (const sentAt of source.sentAtMs) recorder.sentAtMs.push(sentAt);
    for (const firstChunk of source.firstChunksMs) recorder.firstChunksMs.push(firstChunk);
    for (const [reason, count] of source.failures) recorder.recordFailure(reason, count);
    if (run.scheduleLagsMs !== undefined) {
      hasScheduleLags = true;
      for (const lag of run.scheduleLagsMs) scheduleLagsMs.push(lag);
    }
    elapsedS += run.elapsedS;
    serverCpuMs = serverCpuMs === null || run.serverCpuMs == null ? null : serverCpuMs + run.serverCpuMs;
    warmupErrors += summary.warmupErrors;
  }
  const mergedShape: LoadShape = { ...shape, durationS: shape.durationS * runs.length };
  const merged = summarizeRun(
    target,
    mergedShape,
    stream,
    { recorder, elapsedS, serverCpuMs, ...(hasScheduleLags ? { scheduleLagsMs } : {}) },
    warmupErrors,
  );
  const timeline = runs.flatMap(({ summary }, index) => summary.timeline.map((second) => ({ round: index + 1, ...second })));
  return { ...merged, timeline };
}
