import { DEFAULT_CIRCUIT_BREAKER, type CircuitBreakerSettings } from '../breaker/circuit-breaker-settings';
import { DEFAULT_HEALTH_CHECK, type HealthCheckSettings } from '../health/health-check-settings';
import { instanceUnavailability } from '../instance/instance-unavailability';
import type { PoolInstance } from '../instance/pool-instance';
import type { SelectionStrategy } from '../strategy/selection-strategy';
import type { StrategySpec } from '../strategy/strategy-spec';

/** A set of instances rotated by one selection strategy: the unit of load balancing and failover. */
export class PollingPool {
  public readonly strategy: SelectionStrategy;

  public constructor(
    public readonly name: string,
    public readonly instances: readonly PoolInstance[],
    public readonly strategySpec: StrategySpec,
    strategy: SelectionStrategy,
    public readonly circuitBreaker: CircuitBreakerSettings = DEFAULT_CIRCUIT_BREAKER,
    public readonly healthCheck: HealthCheckSettings = DEFAULT_HEALTH_CHECK,
  ) {
    if (!name) throw new RangeError('pool name must not be empty');
    const seen = new Set<string>();
    for (const instance of instances) {
      if (seen.has(instance.identity)) {
        throw new RangeError(`pool "${name}": instance "${instance.name}" appears twice`);
      }
      seen.add(instance.identity);
    }
    this.strategy = strategy;
  }

  /**
   * Picks the next instance that may be called at `now`: enabled, healthy, breaker not open, not
   * cooling down, below its concurrency limit and not already tried by this request (`exclude`
   * holds instance identities), with room in its rpm/tpm budgets for a request of
   * `estimatedTokens`. Undefined when none is left.
   */
  public pick(exclude: ReadonlySet<string>, now: number, estimatedTokens = 0): PoolInstance | undefined {
    const candidates: PoolInstance[] = [];
    for (const instance of this.instances) {
      if (!exclude.has(instance.identity) && instanceUnavailability(instance, now, estimatedTokens) === undefined) {
        candidates.push(instance);
      }
    }
    return candidates.length > 0 ? this.strategy.pick(candidates) : undefined;
  }

  public get enabledCount(): number {
    let count = 0;
    for (const instance of this.instances) if (instance.enabled) count += 1;
    return count;
  }
}
