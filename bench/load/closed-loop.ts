import { elapsedMsSince } from './elapsed-ms';
import { OutcomeRecorder } from './outcome-recorder';
import type { SendRequest } from './request-outcome';

export interface ClosedLoopOptions {
  /** Requests kept in flight: each worker sends its next request when the previous one ends. */
  readonly concurrency: number;
  readonly durationS: number;
  /** Hard cap on requests started, whatever the duration. */
  readonly maxRequests: number;
  /** How long to wait for the last answers after the duration is over. */
  readonly drainTimeoutMs: number;
}

export interface ClosedLoopRun {
  readonly recorder: OutcomeRecorder;
  readonly elapsedS: number;
}

/** Keeps `concurrency` requests in flight for `durationS`: measures how many the server can answer. */
export async function runClosedLoop(send: SendRequest, options: ClosedLoopOptions): Promise<ClosedLoopRun> {
  const recorder = new OutcomeRecorder();
  const durationMs = options.durationS * 1000;
  const startNs = process.hrtime.bigint();
  let started = 0;
  let ended = 0;
  // Answers that arrive after the drain timeout were already counted as unanswered.
  let finished = false;

  const worker = async (): Promise<void> => {
    while (!finished && started < options.maxRequests && elapsedMsSince(startNs) < durationMs) {
      started += 1;
      const sentAtMs = elapsedMsSince(startNs);
      const outcome = await send();
      if (finished) return;
      ended += 1;
      recorder.record(outcome, sentAtMs);
    }
  };
  const workers = Promise.all(Array.from({ length: options.concurrency }, worker));
  let drainTimer: NodeJS.Timeout | undefined;
  const drainLimit = new Promise<void>((resolve) => {
    drainTimer = setTimeout(resolve, durationMs + options.drainTimeoutMs);
  });
  await Promise.race([workers, drainLimit]);
  clearTimeout(drainTimer);
  finished = true;
  const elapsedS = elapsedMsSince(startNs) / 1000;
  recorder.recordFailure('unanswered at end of run', started - ended);
  return { recorder, elapsedS };
}
