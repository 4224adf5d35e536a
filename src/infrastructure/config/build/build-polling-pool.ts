import type { InstanceRuntimeRegistry } from '../../../application/config/instance-runtime-registry';
import type { CircuitBreakerSettings } from '../../../domain/breaker/circuit-breaker-settings';
import type { HealthCheckSettings } from '../../../domain/health/health-check-settings';
import { instanceIdentity, PoolInstance } from '../../../domain/instance/pool-instance';
import { PollingPool } from '../../../domain/pool/polling-pool';
import type { ProviderSpec } from '../../../domain/provider/provider-spec';
import { createStrategy } from '../../../domain/strategy/create-strategy';
import type { StrategySpec } from '../../../domain/strategy/strategy-spec';
import { instanceName, type PoolDocument } from '../schemas/pool-schema';
import type { RegistryDefaults } from '../schemas/registry-schema';
import { mergeCircuitBreaker } from './build-circuit-breaker';
import { mergeHealthCheck } from './build-health-check';
import { lookUpStrategy } from './build-strategy-spec';

export interface PoolContext {
  readonly providers: ReadonlyMap<string, ProviderSpec>;
  readonly strategies: ReadonlyMap<string, StrategySpec>;
  readonly defaults: RegistryDefaults;
  /** Built-in breaker settings merged with `[defaults.circuit_breaker]`; a pool's `[circuit_breaker]` goes over them. */
  readonly circuitBreaker: CircuitBreakerSettings;
  /** Built-in health-check settings merged with `[defaults.health_check]`; a pool's `[health_check]` goes over them. */
  readonly healthCheck: HealthCheckSettings;
  readonly runtimes: InstanceRuntimeRegistry;
}

/**
 * Instances borrow their runtime from the registry by identity, so unchanged ones keep their state
 * across reloads; the registry gives each runtime a breaker with the pool's merged settings.
 */
export function buildPollingPool(name: string, pool: PoolDocument, context: PoolContext): PollingPool {
  const strategyName = pool.strategy ?? context.defaults.strategy;
  const strategySpec = lookUpStrategy(strategyName, context.strategies);
  if (strategySpec === undefined) throw new RangeError(`pool "${name}": unknown strategy "${strategyName}"`);

  const circuitBreaker = mergeCircuitBreaker(context.circuitBreaker, pool.circuit_breaker);
  const healthCheck = mergeHealthCheck(context.healthCheck, pool.health_check);

  const instances = pool.instances.map((instance, index) => {
    const provider = context.providers.get(instance.provider);
    if (provider === undefined) throw new RangeError(`pool "${name}": unknown provider "${instance.provider}"`);
    const instanceNameValue = instanceName(instance);
    return new PoolInstance({
      name: instanceNameValue,
      provider,
      model: instance.model,
      weight: instance.weight ?? context.defaults.weight,
      maxConcurrency: instance.max_concurrency ?? context.defaults.max_concurrency,
      ...(instance.rpm !== undefined ? { rpm: instance.rpm } : {}),
      ...(instance.tpm !== undefined ? { tpm: instance.tpm } : {}),
      index,
      runtime: context.runtimes.runtimeFor(
        instanceIdentity(provider, instance.model, instanceNameValue),
        circuitBreaker,
        instanceNameValue,
      ),
    });
  });
  return new PollingPool(name, instances, strategySpec, createStrategy(strategySpec), circuitBreaker, healthCheck);
}
