import type { BreakerState } from './breaker-state';

/**
 * One instance's circuit breaker. Implementations live behind the application's breaker factory
 * port (opossum today); the domain only asks whether the instance may be called.
 */
export interface InstanceBreaker {
  state(): BreakerState;
  /** Whether a call could go now (closed, or half-open with a trial slot free). Reserves nothing. */
  isCallable(): boolean;
  /** Reserves the right to call: always true when closed; takes a trial slot when half-open. */
  tryAcquire(): boolean;
  recordSuccess(): void;
  recordFailure(): void;
  /** Gives back a slot taken by `tryAcquire` whose call ended with no verdict (client went away). */
  releaseWithoutOutcome(): void;
  /** Stops timers; the breaker is not used afterwards. */
  dispose(): void;
}

/** A breaker that never opens, for instances built without one (tests, in-process tools). */
export const ALWAYS_CLOSED: InstanceBreaker = {
  state: () => ({ kind: 'closed' }),
  isCallable: () => true,
  tryAcquire: () => true,
  recordSuccess: () => undefined,
  recordFailure: () => undefined,
  releaseWithoutOutcome: () => undefined,
  dispose: () => undefined,
};
