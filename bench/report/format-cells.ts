import type { LatencySummary } from '../load/percentiles';
import type { RoundSummary } from '../measure/latency-rounds';
import type { ServerCpu } from '../measure/run-summary';

/** Cells and numbers shared by the report's sections. */

export function countCells(run: RoundSummary): string[] {
  const warmupErrors = run.warmupErrors > 0 ? ` (+${run.warmupErrors} in warm-up)` : '';
  return [run.target, String(run.ok + run.errors), `${run.errors}${warmupErrors}`];
}

export function msCells(summary: LatencySummary | null, keys: readonly (keyof LatencySummary)[]): string[] {
  return keys.map((key) => (summary === null ? 'n/a' : summary[key].toFixed(3)));
}

export function errorMark(run: { readonly errors: number; readonly errorReasons: Readonly<Record<string, number>> }): string {
  if (run.errors === 0) return '';
  const reasons = Object.entries(run.errorReasons).map(([reason, count]) => `${reason} ×${count}`);
  return `ERRORS: ${reasons.join(', ')}`;
}

export function msText(value: number | null | undefined): string {
  return value == null ? 'n/a' : value.toFixed(3);
}

export function signedMs(value: number | null | undefined): string {
  return value == null ? 'n/a' : `${value >= 0 ? '+' : ''}${value.toFixed(3)}`;
}

export function mbText(bytes: number | null | undefined): string {
  return bytes == null ? 'n/a' : (bytes / 2 ** 20).toFixed(1);
}

/** CPU per answer, µs, of the process that served a run. */
export function cpuPerRequestText(cpu: ServerCpu | null): string {
  return cpu?.perRequestUs == null ? 'n/a' : cpu.perRequestUs.toFixed(0);
}

export function percentText(value: number | null): string {
  return value === null ? 'n/a' : `${value.toFixed(1)} %`;
}
