import { DEFAULT_HEALTH_CHECK, type HealthCheckSettings } from '../../../domain/health/health-check-settings';
import type { HealthCheckDocument } from '../schemas/health-check-schema';

/**
 * `table`'s keys over `base`, key by key: a key the table leaves out keeps the base's value (an
 * inherited timeout that is not below the table's interval becomes half the interval). A
 * table that is present but does not set `enabled` turns checks on. A path probe over a base that
 * probes by completion takes the built-in default path unless the table sets one.
 */
export function mergeHealthCheck(base: HealthCheckSettings, table: HealthCheckDocument | undefined): HealthCheckSettings {
  if (table === undefined) return base;
  const kind = table.probe ?? base.probe.kind;
  const basePath = base.probe.kind === 'path' ? base.probe.path : defaultPath();
  const intervalMs = table.interval_ms ?? base.intervalMs;
  return Object.freeze({
    enabled: table.enabled ?? true,
    intervalMs,
    // An inherited timeout that would not fit the table's shorter interval becomes half of it.
    timeoutMs: table.timeout_ms ?? (base.timeoutMs < intervalMs ? base.timeoutMs : Math.max(1, Math.floor(intervalMs / 2))),
    probe: Object.freeze(kind === 'completion' ? { kind } : { kind, path: table.path ?? basePath }),
    healthyThreshold: table.healthy_threshold ?? base.healthyThreshold,
    unhealthyThreshold: table.unhealthy_threshold ?? base.unhealthyThreshold,
    jitterRatio: table.jitter_ratio ?? base.jitterRatio,
  });
}

function defaultPath(): string {
  const probe = DEFAULT_HEALTH_CHECK.probe;
  return probe.kind === 'path' ? probe.path : '/models';
}
