import type { PollingPool } from '../../../domain/pool/polling-pool';
import type { RetryBackoff } from '../../../domain/retry/retry-backoff';
import { TaskGroup } from '../../../domain/task-group/task-group';
import type { Tier } from '../../../domain/task-group/tier';
import type { TierLimits } from '../../../domain/task-group/tier-overflow';
import type { RegistryDefaults } from '../schemas/registry-schema';
import type { TaskGroupDocument } from '../schemas/task-group-schema';

type TierDocument = TaskGroupDocument['tiers'][number];

/** Built-in values of the `[[tiers]]` keys that may be left out. */
const TIER_DEFAULTS = { overflow: 'next_tier', queueTimeoutMs: 5000, queueSize: 100 } as const;

export function buildTaskGroup(
  name: string,
  group: TaskGroupDocument,
  pools: ReadonlyMap<string, PollingPool>,
  defaults: RegistryDefaults,
): TaskGroup {
  const tiers = group.tiers.map((tier): Tier => {
    const limits = buildTierLimits(tier);
    return {
      name: tier.name,
      pools: tier.pools.map((poolName) => {
        const pool = pools.get(poolName);
        if (pool === undefined) {
          throw new RangeError(`task group "${name}", tier "${tier.name}": unknown pool "${poolName}"`);
        }
        return pool;
      }),
      ...(limits === undefined ? {} : { limits }),
    };
  });
  return new TaskGroup({
    name,
    tiers,
    maxAttempts: group.max_attempts ?? defaults.max_attempts,
    timeoutMs: group.timeout_ms ?? defaults.timeout_ms,
    retryBackoff: retryBackoff(group.retry_backoff_ms ?? defaults.retry_backoff_ms, group.retry_backoff_max_ms ?? defaults.retry_backoff_max_ms),
    fallbackGroups: group.fallback_groups ?? [],
    ...(group.max_stream_ms === undefined ? {} : { maxStreamMs: group.max_stream_ms }),
    ...(group.description === undefined ? {} : { description: group.description }),
  });
}

/** Undefined when the tier sets none of the limit keys: the tier is unlimited. */
function buildTierLimits(tier: TierDocument): TierLimits | undefined {
  const { concurrency_limit, overflow, queue_timeout_ms, queue_size } = tier;
  if (concurrency_limit === undefined && overflow === undefined && queue_timeout_ms === undefined && queue_size === undefined) {
    return undefined;
  }
  return Object.freeze({
    concurrencyLimit: concurrency_limit,
    overflow: overflow ?? TIER_DEFAULTS.overflow,
    queueTimeoutMs: queue_timeout_ms ?? TIER_DEFAULTS.queueTimeoutMs,
    queueSize: queue_size ?? TIER_DEFAULTS.queueSize,
  });
}

/** The ceiling never goes below the base: a max lower than the base is read as "no growth". */
export function retryBackoff(baseMs: number, maxMs: number): RetryBackoff {
  return Object.freeze({ baseMs, maxMs: Math.max(baseMs, maxMs) });
}
