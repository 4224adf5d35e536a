import { z } from 'zod';
import { TierOverflowValues } from '../../../domain/task-group/tier-overflow';
import { entityKeys } from './entity-keys';
import { expecting, integerAtLeast, nameList, nonEmptyText, oneOf, strictTable } from './toml-fields';

const TIER_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

const tierName = nonEmptyText().refine((name) => TIER_NAME.test(name), {
  error: (issue) =>
    typeof issue.input === 'string' && issue.input.includes('.')
      ? `tier name "${issue.input}" must not contain "." (it separates group and tier in "group.tier")`
      : expecting('a tier name of letters, digits, "_" and "-", starting with a letter or digit')(issue),
});

const QUEUE_KEYS = ['queue_timeout_ms', 'queue_size'] as const;

/**
 * A tier's pools and its optional concurrency limit. Keys that could not take effect are errors:
 * a queue needs a limit to fill, and `queue_*` keys mean nothing unless `overflow = "queue"`.
 * Defaults are applied when the tier is built (see build-task-group.ts).
 */
const tierTable = strictTable({
  name: tierName,
  pools: nameList(),
  concurrency_limit: integerAtLeast(1).optional(),
  overflow: oneOf(TierOverflowValues).optional(),
  queue_timeout_ms: integerAtLeast(1).optional(),
  queue_size: integerAtLeast(1).optional(),
}).superRefine((tier, context) => {
  if (tier.overflow === 'queue' && tier.concurrency_limit === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['concurrency_limit'],
      message: 'required key is missing; overflow = "queue" needs a concurrency_limit (integer >= 1) to queue behind',
    });
  }
  if (tier.overflow === 'queue') return;
  const overflow = tier.overflow === undefined ? '"next_tier" (the default)' : `"${tier.overflow}"`;
  for (const key of QUEUE_KEYS) {
    if (tier[key] === undefined) continue;
    context.addIssue({
      code: 'custom',
      path: [key],
      message: `${key} is allowed only when overflow = "queue", but overflow = ${overflow}`,
    });
  }
});

const tierList = tierTable.array().min(1, { error: 'expected at least one [[tiers]] entry' });

export const taskGroupSchema = strictTable({
  ...entityKeys(),
  max_attempts: integerAtLeast(1).optional(),
  timeout_ms: integerAtLeast(1).optional(),
  max_stream_ms: integerAtLeast(1).optional(),
  retry_backoff_ms: integerAtLeast(0).optional(),
  retry_backoff_max_ms: integerAtLeast(0).optional(),
  fallback_groups: z.array(nonEmptyText(), { error: expecting('an array of task group names') }).optional(),
  tiers: tierList,
}).superRefine((group, context) => {
  const seen = new Map<string, number>();
  group.tiers.forEach((tier, index) => {
    const first = seen.get(tier.name);
    if (first === undefined) {
      seen.set(tier.name, index);
      return;
    }
    context.addIssue({
      code: 'custom',
      path: ['tiers', index, 'name'],
      message: `tier name "${tier.name}" is already used by tiers[${first}]`,
    });
  });
});

export type TaskGroupDocument = z.output<typeof taskGroupSchema>;
