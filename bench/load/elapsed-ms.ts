/** Milliseconds (fractional, ns resolution) since `startNs`, a `process.hrtime.bigint()` reading. */
export function elapsedMsSince(startNs: bigint): number {
  return Number(process.hrtime.bigint() - startNs) / 1e6;
}
