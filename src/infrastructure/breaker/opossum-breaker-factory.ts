import type { BreakerTransition, CircuitBreakerFactory } from '../../application/ports/circuit-breaker-factory';
import type { CircuitBreakerSettings } from '../../domain/breaker/circuit-breaker-settings';
import type { InstanceBreaker } from '../../domain/breaker/instance-breaker';
import { OpossumInstanceBreaker } from './opossum-instance-breaker';

export class OpossumBreakerFactory implements CircuitBreakerFactory {
  public create(
    instanceName: string,
    settings: CircuitBreakerSettings,
    onTransition: (transition: BreakerTransition) => void,
  ): InstanceBreaker {
    return new OpossumInstanceBreaker(instanceName, settings, onTransition);
  }
}
