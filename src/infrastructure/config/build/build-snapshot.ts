import type { ConfigIssue, ConfigLoadResult, GatewaySnapshot, ServerSettings } from '../../../application/config/gateway-snapshot';
import type { InstanceRuntimeRegistry } from '../../../application/config/instance-runtime-registry';
import { DEFAULT_CIRCUIT_BREAKER } from '../../../domain/breaker/circuit-breaker-settings';
import { DEFAULT_HEALTH_CHECK } from '../../../domain/health/health-check-settings';
import type { PollingPool } from '../../../domain/pool/polling-pool';
import type { ProviderSpec } from '../../../domain/provider/provider-spec';
import { RoutingTable } from '../../../domain/routing/routing-table';
import type { Wrapper } from '../../../domain/routing/wrapper';
import type { StrategySpec } from '../../../domain/strategy/strategy-spec';
import type { TaskGroup } from '../../../domain/task-group/task-group';
import { REGISTRY_FILE } from '../config-file';
import type { RegistryDocument } from '../schemas/registry-schema';
import type { ValidatedEntity, ValidatedTree } from '../validated-tree';
import { mergeCircuitBreaker } from './build-circuit-breaker';
import { mergeHealthCheck } from './build-health-check';
import { buildPollingPool } from './build-polling-pool';
import { buildProviderSpec } from './build-provider-spec';
import { buildStrategySpec } from './build-strategy-spec';
import { buildTaskGroup, retryBackoff } from './build-task-group';
import { buildWrapper } from './build-wrapper';

export interface SnapshotInput {
  readonly tree: ValidatedTree;
  readonly registry: RegistryDocument;
  readonly configDir: string;
  readonly version: string;
  readonly warnings: readonly ConfigIssue[];
  readonly runtimes: InstanceRuntimeRegistry;
}

/**
 * Builds the domain objects of a tree that passed every check. Domain constructors still guard
 * their invariants; a RangeError from one becomes an issue on the file being built.
 */
export function buildSnapshot(input: SnapshotInput): ConfigLoadResult {
  const { tree, registry, runtimes } = input;
  const defaults = registry.defaults;
  const issues: ConfigIssue[] = [];
  const buildAll = <Document, Built>(
    entities: readonly ValidatedEntity<Document>[],
    build: (name: string, document: Document) => Built,
  ): Map<string, Built> => {
    const built = new Map<string, Built>();
    for (const { file, name, document } of entities) {
      if (document === undefined) continue;
      const value = guarded(file, issues, () => build(name, document));
      if (value !== undefined) built.set(name, value);
    }
    return built;
  };

  const providers: ReadonlyMap<string, ProviderSpec> = buildAll(tree.providers, (name, provider) =>
    buildProviderSpec(name, provider, defaults),
  );
  const strategies: ReadonlyMap<string, StrategySpec> = buildAll(tree.strategies, buildStrategySpec);
  const circuitBreaker = mergeCircuitBreaker(DEFAULT_CIRCUIT_BREAKER, defaults.circuit_breaker);
  const healthCheck = mergeHealthCheck(DEFAULT_HEALTH_CHECK, defaults.health_check);
  const pools: ReadonlyMap<string, PollingPool> = buildAll(tree.pools, (name, pool) =>
    buildPollingPool(name, pool, { providers, strategies, defaults, circuitBreaker, healthCheck, runtimes }),
  );
  const groups: ReadonlyMap<string, TaskGroup> = buildAll(tree.groups, (name, group) =>
    buildTaskGroup(name, group, pools, defaults),
  );
  const wrappers: ReadonlyMap<string, Wrapper> = buildAll(tree.wrappers, buildWrapper);
  const routes = guarded(REGISTRY_FILE, issues, () =>
    new RoutingTable({
      pools,
      groups,
      wrappers,
      aliases: new Map(Object.entries(registry.aliases)),
      poolDefaults: {
        maxAttempts: defaults.max_attempts,
        timeoutMs: defaults.timeout_ms,
        retryBackoff: retryBackoff(defaults.retry_backoff_ms, defaults.retry_backoff_max_ms),
      },
    }),
  );
  if (routes === undefined || issues.length > 0) return { ok: false, issues };

  const snapshot: GatewaySnapshot = {
    version: input.version,
    loadedAt: new Date(),
    configDir: input.configDir,
    server: buildServerSettings(registry.server),
    providers,
    pools,
    groups,
    wrappers,
    routes,
    warnings: input.warnings,
  };
  return { ok: true, snapshot };
}

function buildServerSettings(server: RegistryDocument['server']): ServerSettings {
  return Object.freeze({
    host: server.host,
    port: server.port,
    bodyLimitBytes: server.body_limit_bytes,
    maxJsonDepth: server.max_json_depth,
    requestReadTimeoutMs: server.request_read_timeout_ms,
    maxConnections: server.max_connections,
    maxConfigFileBytes: server.max_config_file_bytes,
    requestLog: server.request_log,
    allowedHosts: Object.freeze([...server.allowed_hosts]),
  });
}

function guarded<Built>(file: string, issues: ConfigIssue[], build: () => Built): Built | undefined {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    issues.push({ file, path: '', message: error.message });
    return undefined;
  }
}
