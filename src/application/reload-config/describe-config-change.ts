import type { PoolInstance } from '../../domain/instance/pool-instance';
import type { PollingPool } from '../../domain/pool/polling-pool';
import type { TaskGroup } from '../../domain/task-group/task-group';
import type { GatewaySnapshot, ServerSettings } from '../config/gateway-snapshot';
import type { ConfigChange, NameChanges } from './config-change';

/** Compares two snapshots by name and by a signature of each thing's settings. */
export function describeConfigChange(before: GatewaySnapshot, after: GatewaySnapshot): ConfigChange {
  return {
    providers: compare(signatures(before.providers, (p) => JSON.stringify(p)), signatures(after.providers, (p) => JSON.stringify(p))),
    pools: compare(signatures(before.pools, poolSignature), signatures(after.pools, poolSignature)),
    instances: compare(instanceSignatures(before), instanceSignatures(after)),
    groups: compare(signatures(before.groups, groupSignature), signatures(after.groups, groupSignature)),
    wrappers: compare(signatures(before.wrappers, (w) => JSON.stringify(w)), signatures(after.wrappers, (w) => JSON.stringify(w))),
    needsRestart: serverChanges(before, after),
  };
}

function compare(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): NameChanges {
  const added: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  for (const [name, signature] of after) {
    const previous = before.get(name);
    if (previous === undefined) added.push(name);
    else if (previous !== signature) changed.push(name);
  }
  for (const name of before.keys()) if (!after.has(name)) removed.push(name);
  return { added: added.sort(), removed: removed.sort(), changed: changed.sort() };
}

function signatures<T>(items: ReadonlyMap<string, T>, sign: (item: T) => string): Map<string, string> {
  const result = new Map<string, string>();
  for (const [name, item] of items) result.set(name, sign(item));
  return result;
}

function instanceSignatures(snapshot: GatewaySnapshot): Map<string, string> {
  const result = new Map<string, string>();
  for (const pool of snapshot.pools.values()) {
    for (const instance of pool.instances) result.set(`${pool.name}/${instance.name}`, instanceSignature(instance));
  }
  return result;
}

function instanceSignature(instance: PoolInstance): string {
  return JSON.stringify([
    instance.identity,
    instance.weight,
    instance.maxConcurrency,
    instance.runtime.rateLimits.rpm,
    instance.runtime.rateLimits.tpm,
    instance.index,
  ]);
}

function poolSignature(pool: PollingPool): string {
  return JSON.stringify([
    pool.strategySpec,
    pool.circuitBreaker,
    pool.healthCheck,
    pool.instances.map((instance) => instance.identity),
  ]);
}

function groupSignature(group: TaskGroup): string {
  return JSON.stringify([
    group.maxAttempts,
    group.timeoutMs,
    group.maxStreamMs,
    group.retryBackoff,
    group.fallbackGroups,
    group.description,
    group.tiers.map((tier) => [tier.name, tier.pools.map((pool) => pool.name), tier.limits]),
  ]);
}

/** `[server]` settings are read once at start; a change to any of them needs a restart. */
const SERVER_KEYS: readonly (readonly [keyof ServerSettings, string])[] = [
  ['host', 'host'],
  ['port', 'port'],
  ['bodyLimitBytes', 'body_limit_bytes'],
  ['maxJsonDepth', 'max_json_depth'],
  ['requestReadTimeoutMs', 'request_read_timeout_ms'],
  ['maxConnections', 'max_connections'],
  ['maxConfigFileBytes', 'max_config_file_bytes'],
  ['requestLog', 'request_log'],
  ['allowedHosts', 'allowed_hosts'],
];

function serverChanges(before: GatewaySnapshot, after: GatewaySnapshot): string[] {
  const changes: string[] = [];
  for (const [key, tomlKey] of SERVER_KEYS) {
    const was = settingText(before.server[key]);
    const now = settingText(after.server[key]);
    if (was !== now) changes.push(`server.${tomlKey} (${was} -> ${now})`);
  }
  return changes;
}

function settingText(value: ServerSettings[keyof ServerSettings]): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}
