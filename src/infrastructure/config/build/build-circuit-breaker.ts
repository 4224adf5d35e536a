import type { CircuitBreakerSettings } from '../../../domain/breaker/circuit-breaker-settings';
import type { CircuitBreakerDocument } from '../schemas/circuit-breaker-schema';

/** `table`'s keys over `base`, key by key: a key the table leaves out keeps the base's value. */
export function mergeCircuitBreaker(
  base: CircuitBreakerSettings,
  table: CircuitBreakerDocument | undefined,
): CircuitBreakerSettings {
  return Object.freeze({
    errorThresholdPercentage: table?.error_threshold_percentage ?? base.errorThresholdPercentage,
    volumeThreshold: table?.volume_threshold ?? base.volumeThreshold,
    rollingWindowMs: table?.rolling_window_ms ?? base.rollingWindowMs,
    resetTimeoutMs: table?.reset_timeout_ms ?? base.resetTimeoutMs,
    maxResetTimeoutMs: table?.max_reset_timeout_ms ?? base.maxResetTimeoutMs,
    halfOpenTrials: table?.half_open_trials ?? base.halfOpenTrials,
  });
}
