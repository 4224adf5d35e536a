import { summarizeLatencies } from '../load/percentiles';
import type { TimedReload } from './post-reload';
import type { ReloadTimes } from './reload-results';

export function summarizeReloads(reloads: readonly TimedReload[]): ReloadTimes {
  const results: Record<string, number> = {};
  for (const reload of reloads) results[reload.result] = (results[reload.result] ?? 0) + 1;
  const durations = reloads.flatMap((reload) => (reload.durationMs === null ? [] : [reload.durationMs]));
  return {
    count: reloads.length,
    results,
    roundTripMs: summarizeLatencies(reloads.map((reload) => reload.roundTripMs)),
    gatewayDurationMs: summarizeLatencies(durations),
  };
}
