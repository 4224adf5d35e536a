import type { CircuitBreakerSettings } from '../../domain/breaker/circuit-breaker-settings';

/** Node fires a longer `setTimeout` after 1 ms, which would turn a long open period into none. */
const LONGEST_TIMER_MS = 2_147_483_647;

/**
 * How long a breaker stays open on its `openings`-th consecutive opening (1 for the first):
 * `resetTimeoutMs` doubled for every earlier opening, capped at `maxResetTimeoutMs`.
 */
export function openPeriodMs(settings: CircuitBreakerSettings, openings: number): number {
  const doubled = settings.resetTimeoutMs * 2 ** Math.max(0, openings - 1);
  return Math.min(doubled, settings.maxResetTimeoutMs, LONGEST_TIMER_MS);
}
