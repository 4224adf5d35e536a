import type { ConfigIssue } from '../../application/config/gateway-snapshot';
import { DEFAULT_HEALTH_CHECK, type HealthCheckSettings } from '../../domain/health/health-check-settings';
import { mergeHealthCheck } from './build/build-health-check';
import { REGISTRY_FILE } from './config-file';
import { formatKeyPath } from './key-path';
import type { HealthCheckDocument } from './schemas/health-check-schema';
import type { ValidatedTree } from './validated-tree';

/** Where a merged value came from, as an error message words it. */
interface Layer {
  readonly table: HealthCheckDocument | undefined;
  readonly label: string;
}

const BUILT_IN: Layer = { table: undefined, label: 'built-in default' };

/**
 * What must hold for the merged settings (built-in defaults, then `[defaults.health_check]`, then
 * a pool's `[health_check]`): `timeout_ms < interval_ms`, and `path` is set only where the probe
 * is `"path"`. Timing issues follow the circuit-breaker rule: a registry problem is reported once,
 * on the registry; a pool that sets neither key inherits it silently, and a pool that sets only
 * one is not judged against an inconsistent registry.
 */
export function checkHealthChecks(tree: ValidatedTree): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  let registrySettings = DEFAULT_HEALTH_CHECK;
  let registryLayer = BUILT_IN;
  let registryTimingOk = true;
  if (tree.registry !== undefined) {
    const table = tree.registry.defaults.health_check;
    registryLayer = { table, label: `[defaults.health_check] in ${REGISTRY_FILE}` };
    registrySettings = mergeHealthCheck(DEFAULT_HEALTH_CHECK, table);
    const tablePath = ['defaults', 'health_check'];
    const timing = timingIssue(REGISTRY_FILE, tablePath, registrySettings, registryLayer, BUILT_IN);
    if (timing !== undefined) {
      issues.push(timing);
      registryTimingOk = false;
    }
    const path = pathIssue(REGISTRY_FILE, tablePath, registrySettings, registryLayer, BUILT_IN);
    if (path !== undefined) issues.push(path);
  }

  for (const { file, document } of tree.pools) {
    const table = document?.health_check;
    if (table === undefined) continue;
    const layer: Layer = { table, label: 'this pool' };
    const merged = mergeHealthCheck(registrySettings, table);
    const setsInterval = table.interval_ms !== undefined;
    const setsTimeout = table.timeout_ms !== undefined;
    if ((setsInterval && setsTimeout) || ((setsInterval || setsTimeout) && registryTimingOk)) {
      const timing = timingIssue(file, ['health_check'], merged, layer, registryLayer);
      if (timing !== undefined) issues.push(timing);
    }
    const path = pathIssue(file, ['health_check'], merged, layer, registryLayer);
    if (path !== undefined) issues.push(path);
  }
  return issues;
}

function timingIssue(
  file: string,
  tablePath: readonly string[],
  merged: HealthCheckSettings,
  own: Layer,
  inherited: Layer,
): ConfigIssue | undefined {
  if (merged.timeoutMs < merged.intervalMs) return undefined;
  const key = own.table?.timeout_ms !== undefined ? 'timeout_ms' : 'interval_ms';
  const timeout = `timeout_ms = ${merged.timeoutMs} (${origin('timeout_ms', own, inherited)})`;
  const interval = `interval_ms = ${merged.intervalMs} (${origin('interval_ms', own, inherited)})`;
  return {
    file,
    path: formatKeyPath([...tablePath, key]),
    message: `expected timeout_ms < interval_ms, got ${timeout} and ${interval}`,
  };
}

function pathIssue(
  file: string,
  tablePath: readonly string[],
  merged: HealthCheckSettings,
  own: Layer,
  inherited: Layer,
): ConfigIssue | undefined {
  if (own.table?.path === undefined || merged.probe.kind === 'path') return undefined;
  return {
    file,
    path: formatKeyPath([...tablePath, 'path']),
    message: `path is allowed only when probe = "path", but probe = "${merged.probe.kind}" (${origin('probe', own, inherited)})`,
  };
}

function origin(key: 'interval_ms' | 'timeout_ms' | 'probe', own: Layer, inherited: Layer): string {
  if (own.table?.[key] !== undefined) return own.label;
  return inherited.table?.[key] !== undefined ? inherited.label : BUILT_IN.label;
}
