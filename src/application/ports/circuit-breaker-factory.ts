import type { BreakerState } from '../../domain/breaker/breaker-state';
import type { CircuitBreakerSettings } from '../../domain/breaker/circuit-breaker-settings';
import type { InstanceBreaker } from '../../domain/breaker/instance-breaker';

export interface BreakerTransition {
  readonly from: BreakerState;
  readonly to: BreakerState;
}

/** Builds one circuit breaker per instance (opossum behind it today). */
export interface CircuitBreakerFactory {
  create(
    instanceName: string,
    settings: CircuitBreakerSettings,
    onTransition: (transition: BreakerTransition) => void,
  ): InstanceBreaker;
}
