import type { PoolInstance } from './pool-instance';

/**
 * Why an instance cannot take a call at a given moment. Its concurrency, health, cooldown, breaker
 * and rpm/tpm budget are checked in this order, so that the pick and the explanation of an empty
 * pick are the same test.
 */
export type InstanceUnavailability =
  | { readonly kind: 'disabled'; readonly reason: string }
  | { readonly kind: 'saturated'; readonly inFlight: number; readonly maxConcurrency: number }
  | { readonly kind: 'cooling_down'; readonly until: number }
  | { readonly kind: 'unhealthy'; readonly reason: string }
  | { readonly kind: 'misconfigured'; readonly status: number; readonly retryAt: number; readonly reason: string }
  | { readonly kind: 'breaker_open'; readonly trialAt: number }
  /** Half-open, with every trial slot taken by calls in flight. */
  | { readonly kind: 'breaker_trial_busy' }
  | { readonly kind: 'rate_limited' };

const TRIAL_BUSY: InstanceUnavailability = Object.freeze({ kind: 'breaker_trial_busy' });
const RATE_LIMITED: InstanceUnavailability = Object.freeze({ kind: 'rate_limited' });

/** Undefined when `instance` may be called at `now` with a request of `estimatedTokens`. */
export function instanceUnavailability(instance: PoolInstance, now: number, estimatedTokens = 0): InstanceUnavailability | undefined {
  const disabledReason = instance.provider.disabledReason;
  if (disabledReason !== undefined) return { kind: 'disabled', reason: disabledReason };
  const runtime = instance.runtime;
  if (instance.saturated) return { kind: 'saturated', inFlight: runtime.inFlight, maxConcurrency: instance.maxConcurrency };
  if (runtime.cooldownUntil > now) return { kind: 'cooling_down', until: runtime.cooldownUntil };
  const health = runtime.health;
  if (health.kind === 'unhealthy') return { kind: 'unhealthy', reason: health.reason };
  if (health.kind === 'misconfigured' && health.retryAt > now) {
    return { kind: 'misconfigured', status: health.status, retryAt: health.retryAt, reason: health.reason };
  }
  if (!runtime.breaker.isCallable()) {
    const state = runtime.breaker.state();
    return state.kind === 'open' ? { kind: 'breaker_open', trialAt: state.trialAt } : TRIAL_BUSY;
  }
  if (!runtime.rateLimits.admits(estimatedTokens, now)) return RATE_LIMITED;
  return undefined;
}
