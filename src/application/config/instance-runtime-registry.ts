import type { CircuitBreakerSettings } from '../../domain/breaker/circuit-breaker-settings';
import { InstanceRuntime } from '../../domain/instance/instance-runtime';
import type { CircuitBreakerFactory } from '../ports/circuit-breaker-factory';
import type { Logger } from '../ports/logger';

export interface InstanceRuntimeRegistryDeps {
  /** Without a factory, instances get a breaker that never opens (tools and tests). */
  readonly breakers?: CircuitBreakerFactory;
  readonly logger?: Logger;
}

/**
 * Live instance state keyed by instance identity. Snapshots borrow runtimes from here, so an
 * instance that survives a reload unchanged keeps its in-flight count, latency history, breaker,
 * health and cooldown. A breaker is rebuilt only when its pool's breaker settings change.
 */
export class InstanceRuntimeRegistry {
  private readonly runtimes = new Map<string, { runtime: InstanceRuntime; settings: CircuitBreakerSettings | undefined }>();

  public constructor(private readonly deps: InstanceRuntimeRegistryDeps = {}) {}

  public runtimeFor(identity: string, breakerSettings: CircuitBreakerSettings, instanceName: string): InstanceRuntime {
    let entry = this.runtimes.get(identity);
    if (entry === undefined) {
      entry = { runtime: new InstanceRuntime(), settings: undefined };
      this.runtimes.set(identity, entry);
    }
    const { breakers } = this.deps;
    if (breakers !== undefined && !sameSettings(entry.settings, breakerSettings)) {
      entry.runtime.useBreaker(breakers.create(instanceName, breakerSettings, (transition) => {
        this.deps.logger?.warn('breaker transition', { instance: instanceName, from: transition.from.kind, to: transition.to.kind });
      }));
      entry.settings = breakerSettings;
    }
    return entry.runtime;
  }

  /** Forgets every identity not in `keep`, stopping their breakers' timers. */
  public retainOnly(keep: ReadonlySet<string>): void {
    for (const [identity, entry] of this.runtimes) {
      if (!keep.has(identity)) {
        entry.runtime.breaker.dispose();
        this.runtimes.delete(identity);
      }
    }
  }

  /** Stops every breaker (gateway shutdown). */
  public disposeAll(): void {
    for (const entry of this.runtimes.values()) entry.runtime.breaker.dispose();
    this.runtimes.clear();
  }
}

function sameSettings(a: CircuitBreakerSettings | undefined, b: CircuitBreakerSettings): boolean {
  if (a === undefined) return false;
  return (
    a.errorThresholdPercentage === b.errorThresholdPercentage &&
    a.volumeThreshold === b.volumeThreshold &&
    a.rollingWindowMs === b.rollingWindowMs &&
    a.resetTimeoutMs === b.resetTimeoutMs &&
    a.maxResetTimeoutMs === b.maxResetTimeoutMs &&
    a.halfOpenTrials === b.halfOpenTrials
  );
}
