import { z } from 'zod';
import { entityKeys } from './entity-keys';
import { expecting, integerAtLeast, nameList, nonEmptyText, strictTable } from './toml-fields';

const TIER_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

const tierName = nonEmptyText().refine((name) => TIER_NAME.test(name), {
  error: (issue) =>
    typeof issue.input === 'string' && issue.input.includes('.')
      ? `tier name "${issue.input}" must not contain "." (it separates group and tier in "group.tier")`
      : expecting('a tier name of letters, digits, "_" and "-", starting with a letter or digit')(issue),
});

const tierTable = strictTable({
  name: tierName,
  pools: nameList(),
});

const tierList = tierTable.array().min(1, { error: 'expected at least one [[tiers]] entry' });

export const taskGroupSchema = strictTable({
  ...entityKeys(),
  max_attempts: integerAtLeast(1).optional(),
  timeout_ms: integerAtLeast(1).optional(),
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
