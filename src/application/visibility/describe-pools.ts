import type { BreakerState } from '../../domain/breaker/breaker-state';
import type { PoolInstance } from '../../domain/instance/pool-instance';
import type { GatewaySnapshot } from '../config/gateway-snapshot';
import type { TierGateCounts } from '../route-chat/tier-gates';

export interface InstanceView {
  readonly name: string;
  readonly provider: string;
  readonly model: string;
  readonly weight: number;
  readonly maxConcurrency: number;
  readonly enabled: boolean;
  readonly disabledReason?: string;
  readonly health: { readonly state: string; readonly forMs?: number; readonly retryInMs?: number; readonly reason?: string };
  readonly breaker: BreakerView;
  readonly inFlight: number;
  readonly latencyEwmaMs: number | null;
  /** Milliseconds left of a `Retry-After` cooldown; 0 when none. */
  readonly cooldownMs: number;
  readonly failures: Readonly<Record<string, number>>;
}

export type BreakerView =
  | { readonly state: 'closed' }
  | { readonly state: 'open'; readonly openedAt: string; readonly trialAt: string; readonly openings: number }
  | { readonly state: 'half_open'; readonly trialsStarted: number; readonly trialsSucceeded: number; readonly openings: number };

export interface PoolView {
  readonly name: string;
  readonly strategy: string;
  readonly instances: readonly InstanceView[];
}

export interface PoolsView {
  readonly configVersion: string;
  readonly pools: readonly PoolView[];
  /** Tiers with a concurrency limit: requests inside and waiting in their queue. */
  readonly tiers: readonly TierGateCounts[];
}

/** Every pool and instance with its live state, for `GET /admin/pools` and the facade's `state()`. */
export function describePools(snapshot: GatewaySnapshot, tiers: readonly TierGateCounts[], now: number): PoolsView {
  return {
    configVersion: snapshot.version,
    tiers,
    pools: [...snapshot.pools.values()].map((pool) => ({
      name: pool.name,
      strategy: pool.strategySpec.name,
      instances: pool.instances.map((instance) => describeInstance(instance, now)),
    })),
  };
}

function describeInstance(instance: PoolInstance, now: number): InstanceView {
  const runtime = instance.runtime;
  const ewma = runtime.latencyEwmaMs;
  return {
    name: instance.name,
    provider: instance.provider.name,
    model: instance.model,
    weight: instance.weight,
    maxConcurrency: instance.maxConcurrency,
    enabled: instance.enabled,
    ...(instance.provider.disabledReason !== undefined ? { disabledReason: instance.provider.disabledReason } : {}),
    health: describeHealth(instance, now),
    breaker: describeBreaker(runtime.breaker.state()),
    inFlight: runtime.inFlight,
    latencyEwmaMs: ewma === undefined ? null : Math.round(ewma * 1000) / 1000,
    cooldownMs: Math.max(0, Math.round(runtime.cooldownUntil - now)),
    failures: Object.fromEntries(runtime.failures()),
  };
}

function describeHealth(instance: PoolInstance, now: number): InstanceView['health'] {
  const health = instance.runtime.health;
  switch (health.kind) {
    case 'healthy':
      return { state: 'healthy' };
    case 'unhealthy':
      return { state: 'unhealthy', forMs: Math.round(now - health.since), reason: health.reason };
    case 'misconfigured':
      return {
        state: 'misconfigured',
        forMs: Math.round(now - health.since),
        retryInMs: Math.max(0, Math.round(health.retryAt - now)),
        reason: health.reason,
      };
    default: {
      const unreachable: never = health;
      throw new RangeError(`unknown health ${JSON.stringify(unreachable)}`);
    }
  }
}

function describeBreaker(state: BreakerState): BreakerView {
  switch (state.kind) {
    case 'closed':
      return { state: 'closed' };
    case 'open':
      return {
        state: 'open',
        openedAt: new Date(state.openedAt).toISOString(),
        trialAt: new Date(state.trialAt).toISOString(),
        openings: state.openings,
      };
    case 'half_open':
      return {
        state: 'half_open',
        trialsStarted: state.trialsStarted,
        trialsSucceeded: state.trialsSucceeded,
        openings: state.openings,
      };
    default: {
      const unreachable: never = state;
      throw new RangeError(`unknown breaker state ${JSON.stringify(unreachable)}`);
    }
  }
}
