import type { BreakerTransition } from '../../../../src/application/ports/circuit-breaker-factory';
import type { CircuitBreakerSettings } from '../../../../src/domain/breaker/circuit-breaker-settings';
import type { InstanceBreaker } from '../../../../src/domain/breaker/instance-breaker';
import { OpossumBreakerFactory } from '../../../../src/infrastructure/breaker/opossum-breaker-factory';

export const SETTINGS: CircuitBreakerSettings = {
  errorThresholdPercentage: 50,
  volumeThreshold: 5,
  rollingWindowMs: 10_000,
  resetTimeoutMs: 1_000,
  maxResetTimeoutMs: 5_000,
  halfOpenTrials: 2,
};

export interface Harness {
  readonly breaker: InstanceBreaker;
  readonly transitions: BreakerTransition[];
  /** `from->to` kinds of every transition so far. */
  kinds(): string[];
}

const created: InstanceBreaker[] = [];

/** Builds a breaker through the factory; `disposeAll` stops it after the test. */
export function harness(overrides: Partial<CircuitBreakerSettings> = {}): Harness {
  const transitions: BreakerTransition[] = [];
  const breaker = new OpossumBreakerFactory().create('east-1', { ...SETTINGS, ...overrides }, (t) => {
    transitions.push(t);
  });
  created.push(breaker);
  return { breaker, transitions, kinds: () => transitions.map((t) => `${t.from.kind}->${t.to.kind}`) };
}

export function disposeAll(): void {
  for (const breaker of created.splice(0)) breaker.dispose();
}

export function fail(breaker: InstanceBreaker, times: number): void {
  for (let i = 0; i < times; i += 1) breaker.recordFailure();
}

export function succeed(breaker: InstanceBreaker, times: number): void {
  for (let i = 0; i < times; i += 1) breaker.recordSuccess();
}

/** Opens a fresh breaker (five failures of five) and waits out the first open period. */
export function halfOpened(overrides: Partial<CircuitBreakerSettings> = {}): Harness {
  const h = harness(overrides);
  fail(h.breaker, 5);
  jest.advanceTimersByTime(overrides.resetTimeoutMs ?? SETTINGS.resetTimeoutMs);
  expect(h.breaker.state().kind).toBe('half_open');
  return h;
}
