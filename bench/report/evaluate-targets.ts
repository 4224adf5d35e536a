import type { RunSummary } from '../measure/run-summary';

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
  readonly latency: { readonly direct: RunSummary; readonly gateway: RunSummary };
  readonly throughput: { readonly bareProxy: RunSummary; readonly gateway: RunSummary };
}

/** The project's performance targets. A run with errors fails its targets: its numbers cannot be trusted. */
export function evaluateTargets(inputs: TargetInputs): TargetVerdict[] {
  const { direct, gateway } = inputs.latency;
  const rate = `${inputs.rate} req/s`;
  return [
    judge(`gateway added latency p50 <= 1 ms at ${rate}`, addedLatency(direct, gateway, 'p50Ms'), 'ms', (v) => v <= 1, [direct, gateway]),
    judge(`gateway added latency p99 <= 3 ms at ${rate}`, addedLatency(direct, gateway, 'p99Ms'), 'ms', (v) => v <= 3, [direct, gateway]),
    judge(
      'gateway max throughput >= 50% of bare proxy',
      throughputShare(inputs.throughput.bareProxy, inputs.throughput.gateway),
      '%',
      (v) => v >= 50,
      [inputs.throughput.bareProxy, inputs.throughput.gateway],
    ),
  ];
}

/** Gateway minus direct, for one percentile; null when either run had no successful request. */
export function addedLatency(direct: RunSummary, gateway: RunSummary, key: 'p50Ms' | 'p99Ms'): number | null {
  if (direct.latency === null || gateway.latency === null) return null;
  return gateway.latency[key] - direct.latency[key];
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
  runs: readonly RunSummary[],
): TargetVerdict {
  const withErrors = runs.filter((run) => run.errors > 0).map((run) => `${run.target}: ${run.errors} errors`);
  let note: string | null = null;
  if (measured === null) note = 'no successful requests';
  else if (withErrors.length > 0) note = `run had errors (${withErrors.join(', ')})`;
  const verdict: Verdict = note === null && measured !== null && meets(measured) ? 'PASS' : 'FAIL';
  return { target, measured, unit, verdict, note };
}
