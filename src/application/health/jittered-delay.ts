/**
 * `intervalMs × (1 ± jitterRatio)`, drawn uniformly, so that instances configured alike are not
 * all checked at the same moment. `random` returns a number in [0, 1).
 */
export function jitteredDelay(intervalMs: number, jitterRatio: number, random: () => number): number {
  const factor = 1 + jitterRatio * (2 * random() - 1);
  return Math.max(0, Math.round(intervalMs * factor));
}
