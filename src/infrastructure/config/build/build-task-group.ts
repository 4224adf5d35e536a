import type { PollingPool } from '../../../domain/pool/polling-pool';
import { TaskGroup } from '../../../domain/task-group/task-group';
import type { RegistryDefaults } from '../schemas/registry-schema';
import type { TaskGroupDocument } from '../schemas/task-group-schema';

export function buildTaskGroup(
  name: string,
  group: TaskGroupDocument,
  pools: ReadonlyMap<string, PollingPool>,
  defaults: RegistryDefaults,
): TaskGroup {
  const tiers = group.tiers.map((tier) => ({
    name: tier.name,
    pools: tier.pools.map((poolName) => {
      const pool = pools.get(poolName);
      if (pool === undefined) {
        throw new RangeError(`task group "${name}", tier "${tier.name}": unknown pool "${poolName}"`);
      }
      return pool;
    }),
  }));
  return new TaskGroup({
    name,
    tiers,
    maxAttempts: group.max_attempts ?? defaults.max_attempts,
    timeoutMs: group.timeout_ms ?? defaults.timeout_ms,
    fallbackGroups: group.fallback_groups ?? [],
    ...(group.description === undefined ? {} : { description: group.description }),
  });
}
