import { elapsedMsSince } from './elapsed-ms';
import { OutcomeRecorder } from './outcome-recorder';
import type { SendRequest } from './request-outcome';

export interface OpenLoopOptions {
  readonly ratePerSecond: number;
  readonly durationS: number;
  /** Beyond this many unanswered requests a scheduled request is skipped and counted as an error. */
  readonly maxInFlight: number;
  /** How long to wait for the last answers after the last request was sent. */
  readonly drainTimeoutMs: number;
}

export interface OpenLoopRun {
  readonly recorder: OutcomeRecorder;
  readonly elapsedS: number;
  /** How late each request left compared to its schedule, ms: the driver's own precision. */
  readonly scheduleLagsMs: readonly number[];
}

/**
 * Sends `rate × duration` requests on a fixed schedule, whether or not earlier ones were answered
 * (open loop), so a slow server cannot slow the load down and hide its own latency.
 * Latency is measured from the moment each request actually left.
 */
export function runOpenLoop(send: SendRequest, options: OpenLoopOptions): Promise<OpenLoopRun> {
  const total = Math.max(1, Math.round(options.ratePerSecond * options.durationS));
  const intervalMs = 1000 / options.ratePerSecond;
  const recorder = new OutcomeRecorder();
  const scheduleLagsMs: number[] = [];
  const startNs = process.hrtime.bigint();
  let sent = 0;
  let inFlight = 0;

  return new Promise<OpenLoopRun>((resolve) => {
    let doneSending = false;
    // Answers that arrive after the drain timeout were already counted as unanswered.
    let finished = false;
    let drainTimer: NodeJS.Timeout | undefined;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      if (drainTimer !== undefined) clearTimeout(drainTimer);
      recorder.recordFailure('unanswered at end of run', inFlight);
      inFlight = 0;
      resolve({ recorder, elapsedS: elapsedMsSince(startNs) / 1000, scheduleLagsMs });
    };
    const settle = (): void => {
      if (finished) return;
      inFlight -= 1;
      if (doneSending && inFlight === 0) finish();
    };

    const tick = (): void => {
      const nowMs = elapsedMsSince(startNs);
      while (sent < total && sent * intervalMs <= nowMs) {
        const dueMs = sent * intervalMs;
        sent += 1;
        if (inFlight >= options.maxInFlight) {
          recorder.recordFailure('skipped: too many in flight');
          continue;
        }
        const sentAtMs = elapsedMsSince(startNs);
        scheduleLagsMs.push(sentAtMs - dueMs);
        inFlight += 1;
        void send()
          .then((outcome) => {
            if (!finished) recorder.record(outcome, sentAtMs);
          })
          .catch((error: unknown) => {
            if (!finished) recorder.recordFailure(`driver: ${String(error)}`);
          })
          .finally(settle);
      }
      if (sent < total) {
        setTimeout(tick, Math.max(0, Math.floor(sent * intervalMs - elapsedMsSince(startNs))));
        return;
      }
      doneSending = true;
      if (inFlight === 0) finish();
      else drainTimer = setTimeout(finish, options.drainTimeoutMs);
    };
    tick();
  });
}
