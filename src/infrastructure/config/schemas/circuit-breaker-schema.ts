import type { z } from 'zod';
import { integerAtLeast, numberBetween, strictTable } from './toml-fields';

/**
 * `[circuit_breaker]` of a pool and `[defaults.circuit_breaker]` of `_registry.toml`. Every key is
 * optional: a pool's keys override the registry's, which override the built-in defaults, key by key.
 * That `max_reset_timeout_ms >= reset_timeout_ms` holds after merging is checked across files (see
 * check-circuit-breakers.ts).
 */
export const circuitBreakerTable = strictTable({
  error_threshold_percentage: numberBetween(1, 100).optional(),
  volume_threshold: integerAtLeast(1).optional(),
  rolling_window_ms: integerAtLeast(100).optional(),
  reset_timeout_ms: integerAtLeast(1).optional(),
  max_reset_timeout_ms: integerAtLeast(1).optional(),
  half_open_trials: integerAtLeast(1).optional(),
});

export type CircuitBreakerDocument = z.output<typeof circuitBreakerTable>;
