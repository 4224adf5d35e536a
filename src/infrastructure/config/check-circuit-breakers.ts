import type { ConfigIssue } from '../../application/config/gateway-snapshot';
import { type CircuitBreakerSettings, DEFAULT_CIRCUIT_BREAKER } from '../../domain/breaker/circuit-breaker-settings';
import { mergeCircuitBreaker } from './build/build-circuit-breaker';
import { REGISTRY_FILE } from './config-file';
import { formatKeyPath } from './key-path';
import type { CircuitBreakerDocument } from './schemas/circuit-breaker-schema';
import type { ValidatedTree } from './validated-tree';

/** Where a merged value came from, as an error message words it. */
interface Layer {
  readonly table: CircuitBreakerDocument | undefined;
  readonly label: string;
}

/**
 * `max_reset_timeout_ms >= reset_timeout_ms` must hold for the merged settings: built-in defaults,
 * then `[defaults.circuit_breaker]`, then a pool's `[circuit_breaker]`. The issue goes to the file
 * that set one of the two keys, on `max_reset_timeout_ms` when it set that one. A pool that sets
 * neither key inherits a registry problem, which is reported once, on the registry; a pool that
 * sets only one is not judged against a broken or inconsistent registry.
 */
export function checkCircuitBreakers(tree: ValidatedTree): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const builtIn: Layer = { table: undefined, label: 'built-in default' };

  let registry: { readonly layer: Layer; readonly settings: CircuitBreakerSettings } | undefined;
  if (tree.registry !== undefined) {
    const table = tree.registry.defaults.circuit_breaker;
    const layer: Layer = { table, label: `[defaults.circuit_breaker] in ${REGISTRY_FILE}` };
    const settings = mergeCircuitBreaker(DEFAULT_CIRCUIT_BREAKER, table);
    const issue = backoffIssue(REGISTRY_FILE, ['defaults', 'circuit_breaker'], settings, layer, builtIn);
    if (issue === undefined) registry = { layer, settings };
    else issues.push(issue);
  }

  for (const { file, document } of tree.pools) {
    const table = document?.circuit_breaker;
    if (table === undefined) continue;
    const setsReset = table.reset_timeout_ms !== undefined;
    const setsMax = table.max_reset_timeout_ms !== undefined;
    if (!setsReset && !setsMax) continue;
    if (!(setsReset && setsMax) && registry === undefined) continue;
    const base = registry?.settings ?? DEFAULT_CIRCUIT_BREAKER;
    const inherited = registry?.layer ?? builtIn;
    const layer: Layer = { table, label: 'this pool' };
    const issue = backoffIssue(file, ['circuit_breaker'], mergeCircuitBreaker(base, table), layer, inherited);
    if (issue !== undefined) issues.push(issue);
  }
  return issues;
}

function backoffIssue(
  file: string,
  tablePath: readonly string[],
  merged: CircuitBreakerSettings,
  own: Layer,
  inherited: Layer,
): ConfigIssue | undefined {
  if (merged.maxResetTimeoutMs >= merged.resetTimeoutMs) return undefined;
  const key = own.table?.max_reset_timeout_ms !== undefined ? 'max_reset_timeout_ms' : 'reset_timeout_ms';
  const max = `max_reset_timeout_ms = ${merged.maxResetTimeoutMs} (${origin('max_reset_timeout_ms', own, inherited)})`;
  const reset = `reset_timeout_ms = ${merged.resetTimeoutMs} (${origin('reset_timeout_ms', own, inherited)})`;
  return {
    file,
    path: formatKeyPath([...tablePath, key]),
    message: `expected max_reset_timeout_ms >= reset_timeout_ms, got ${max} and ${reset}`,
  };
}

function origin(key: 'reset_timeout_ms' | 'max_reset_timeout_ms', own: Layer, inherited: Layer): string {
  if (own.table?.[key] !== undefined) return own.label;
  return inherited.table?.[key] !== undefined ? inherited.label : 'built-in default';
}
