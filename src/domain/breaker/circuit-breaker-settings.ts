/** How a pool's per-instance circuit breakers behave. Immutable; from `[circuit_breaker]`. */
export interface CircuitBreakerSettings {
  /** Share of failed calls in the rolling window (percent) above which the breaker opens. */
  readonly errorThresholdPercentage: number;
  /** Calls needed in the window before the error share is judged. */
  readonly volumeThreshold: number;
  /** Length of the rolling window of call outcomes. */
  readonly rollingWindowMs: number;
  /** Time open before the first trial; doubled after each failed trial, up to `maxResetTimeoutMs`. */
  readonly resetTimeoutMs: number;
  readonly maxResetTimeoutMs: number;
  /** Trial calls let through while half-open; all must succeed to close the breaker. */
  readonly halfOpenTrials: number;
}

export const DEFAULT_CIRCUIT_BREAKER: CircuitBreakerSettings = {
  errorThresholdPercentage: 50,
  volumeThreshold: 5,
  rollingWindowMs: 10_000,
  resetTimeoutMs: 10_000,
  maxResetTimeoutMs: 120_000,
  halfOpenTrials: 1,
};
