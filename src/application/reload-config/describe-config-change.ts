import type { PoolInstance } from '../../domain/instance/pool-instance';
import type { PollingPool } from '../../domain/pool/polling-pool';
import type { TaskGroup } from '../../domain/task-group/task-group';
import type { GatewaySnapshot } from '../config/gateway-snapshot';
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
    group.retryBackoff,
    group.fallbackGroups,
    group.description,
    group.tiers.map((tier) => [tier.name, tier.pools.map((pool) => pool.name), tier.limits]),
  ]);
}

function serverChanges(before: GatewaySnapshot, after: GatewaySnapshot): string[] {
  const changes: string[] = [];
  if (before.server.host !== after.server.host) changes.push(`server.host (${before.server.host} -> ${after.server.host})`);
  if (before.server.port !== after.server.port) changes.push(`server.port (${before.server.port} -> ${after.server.port})`);
  if (before.server.bodyLimitBytes !== after.server.bodyLimitBytes) {
    changes.push(`server.body_limit_bytes (${before.server.bodyLimitBytes} -> ${after.server.bodyLimitBytes})`);
  }
  return changes;
}
