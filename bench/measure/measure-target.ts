import { chatPayload, type ChatTarget } from '../load/chat-target';
import { runClosedLoop } from '../load/closed-loop';
import { openTargetPool } from '../load/open-target-pool';
import { runOpenLoop } from '../load/open-loop';
import type { SendRequest } from '../load/request-outcome';
import { chatCompletionSender, chatStreamSender } from '../load/send-chat-completion';
import { readCpuMs } from '../processes/process-usage';
import type { LoadShape, MeasurePlan } from './measure-plan';
import { summarizeRun, type DrivenRun, type RunSummary } from './run-summary';

/** Connections the open loop may open: enough that a stall shows up as latency, not as client queueing. */
const OpenLoopConnections = 256;
/** Concurrency of the self-paced first half of an open-loop warm-up. */
const PrimeConcurrency = 4;
const DrainTimeoutMs = 12_000;
/** Upper bound on requests per second a closed loop may start; only a safety cap. */
const ClosedLoopMaxRate = 200_000;

/** One measured run: its summary, and the raw samples it was made from (to merge runs later). */
export interface MeasuredRun {
  readonly summary: RunSummary;
  readonly run: DrivenRun;
}

/** Warms up, then measures one target with its own connection pool, closed at the end. */
export async function measureTarget(target: ChatTarget, plan: MeasurePlan): Promise<MeasuredRun> {
  const connections = plan.shape.loop === 'open' ? OpenLoopConnections : plan.shape.concurrency;
  const pool = openTargetPool(target.origin, connections);
  const payload = chatPayload(target.model, plan.stream);
  const send = plan.stream ? chatStreamSender(pool, target.path, payload) : chatCompletionSender(pool, target.path, payload);
  try {
    const warmupErrors = plan.warmupS > 0 ? await warmUp(send, plan.shape, plan.warmupS) : 0;
    const cpuBefore = target.pid === undefined ? null : readCpuMs(target.pid);
    const driven = await drive(send, plan.shape);
    const cpuAfter = target.pid === undefined ? null : readCpuMs(target.pid);
    const run = { ...driven, serverCpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
    return { summary: summarizeRun(target.label, plan.shape, plan.stream, run, warmupErrors), run };
  } finally {
    await pool.destroy();
  }
}

/**
 * A cold server (JIT, first connections) can be slower than the fixed rate for a moment; open loop
 * would then pile up a backlog that takes seconds to drain and leaks into the measured run. So an
 * open-loop warm-up first runs self-paced at low concurrency, then at the fixed rate.
 */
async function warmUp(send: SendRequest, shape: LoadShape, warmupS: number): Promise<number> {
  switch (shape.loop) {
    case 'open': {
      const prime = await drive(send, { loop: 'closed', concurrency: PrimeConcurrency, durationS: warmupS / 2 });
      const atRate = await drive(send, { ...shape, durationS: warmupS / 2 });
      return prime.recorder.errorCount + atRate.recorder.errorCount;
    }
    case 'closed':
      return (await drive(send, { ...shape, durationS: warmupS })).recorder.errorCount;
  }
}

function drive(send: SendRequest, shape: LoadShape): Promise<DrivenRun> {
  const { durationS } = shape;
  switch (shape.loop) {
    case 'open':
      return runOpenLoop(send, {
        ratePerSecond: shape.ratePerSecond,
        durationS,
        maxInFlight: OpenLoopConnections * 4,
        drainTimeoutMs: DrainTimeoutMs,
      });
    case 'closed':
      return runClosedLoop(send, {
        concurrency: shape.concurrency,
        durationS,
        maxRequests: Math.ceil(durationS * ClosedLoopMaxRate),
        drainTimeoutMs: DrainTimeoutMs,
      });
  }
}
