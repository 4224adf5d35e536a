import type { LatencyMedians, LatencyRound } from '../measure/latency-rounds';
import type { RunSummary } from '../measure/run-summary';
import { countOf } from './count-of';

export const VerdictValues = ['PASS', 'FAIL'] as const;
export type Verdict = (typeof VerdictValues)[number];

export interface TargetVerdict {
  readonly target: string;
  readonly measured: number | null;
  readonly unit: 'ms' | '%';
  readonly verdict: Verdict;
  /** Why the verdict is FAIL regardless of the number, when it is. */
  readonly note: string | null;
}

export interface TargetInputs {
  readonly rate: number;
  readonly latency: { readonly rounds: readonly LatencyRound[]; readonly medians: LatencyMedians };
  readonly throughput: { readonly bareProxy: RunSummary; readonly gateway: RunSummary };
}

/** Runs with errors named in a verdict's note; the rest are counted. */
const MaxErrorRunsNamed = 4;

/**
 * The project's performance targets. Added latency is the median over rounds of each round's
 * gateway minus direct. A run with errors (in any round) fails its targets: its numbers cannot be trusted.
 */
export function evaluateTargets(inputs: TargetInputs): TargetVerdict[] {
  const { rounds, medians } = inputs.latency;
  const over = `at ${inputs.rate} req/s (median of ${countOf(medians.rounds, 'round')})`;
  const latencyErrors = rounds.flatMap((round) =>
    [round.direct, round.gateway].filter((run) => run.errors > 0).map((run) => `round ${round.round} ${run.target}: ${run.errors} errors`),
  );
  const { bareProxy, gateway } = inputs.throughput;
  const throughputErrors = [bareProxy, gateway].filter((run) => run.errors > 0).map((run) => `${run.target}: ${run.errors} errors`);
  return [
    judge(`gateway added latency p50 <= 1 ms ${over}`, medians.added.gateway.p50Ms, 'ms', (v) => v <= 1, latencyErrors),
    judge(`gateway added latency p99 <= 3 ms ${over}`, medians.added.gateway.p99Ms, 'ms', (v) => v <= 3, latencyErrors),
    judge('gateway max throughput >= 50% of bare proxy', throughputShare(bareProxy, gateway), '%', (v) => v >= 50, throughputErrors),
  ];
}

/** Gateway req/s as a percentage of the bare proxy's. */
export function throughputShare(bareProxy: RunSummary, gateway: RunSummary): number | null {
  return bareProxy.requestsPerSecond > 0 ? (gateway.requestsPerSecond / bareProxy.requestsPerSecond) * 100 : null;
}

function judge(
  target: string,
  measured: number | null,
  unit: TargetVerdict['unit'],
  meets: (value: number) => boolean,
  runsWithErrors: readonly string[],
): TargetVerdict {
  let note: string | null = null;
  if (measured === null) note = 'no successful requests';
  else if (runsWithErrors.length > 0) {
    const named = runsWithErrors.slice(0, MaxErrorRunsNamed);
    const more = runsWithErrors.length - named.length;
    note = `run had errors (${named.join(', ')}${more > 0 ? `, ${more} more` : ''})`;
  }
  const verdict: Verdict = note === null && measured !== null && meets(measured) ? 'PASS' : 'FAIL';
  return { target, measured, unit, verdict, note };
}
