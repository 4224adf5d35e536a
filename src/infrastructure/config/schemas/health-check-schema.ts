import { z } from 'zod';
import { expecting, flag, integerAtLeast, numberBetween, oneOf, strictTable } from './toml-fields';

export const HealthProbeKindValues = ['path', 'completion'] as const;

const probePath = z
  .string({ error: expecting('a path starting with "/"') })
  .refine((path) => path.startsWith('/'), { error: expecting('a path starting with "/"') });

/**
 * `[health_check]` of a pool and `[defaults.health_check]` of `_registry.toml`. Every key is
 * optional: a pool's keys override the registry's, which override the built-in defaults, key by
 * key; a table that is present but leaves out `enabled` turns checks on. What must hold after
 * merging (`timeout_ms < interval_ms`, `path` only with the path probe) is checked across files
 * (see check-health-checks.ts).
 */
export const healthCheckTable = strictTable({
  enabled: flag().optional(),
  interval_ms: integerAtLeast(100).optional(),
  timeout_ms: integerAtLeast(1).optional(),
  path: probePath.optional(),
  probe: oneOf(HealthProbeKindValues).optional(),
  healthy_threshold: integerAtLeast(1).optional(),
  unhealthy_threshold: integerAtLeast(1).optional(),
  jitter_ratio: numberBetween(0, 0.5).optional(),
});

export type HealthCheckDocument = z.output<typeof healthCheckTable>;
