import type { InstanceUnavailability } from './instance-unavailability';

/**
 * The one wording of why an instance was not available, for error messages and logs. `now` is on
 * the gateway's monotonic clock (health, cooldowns); `wallNow` is epoch ms, the scale breakers keep
 * their open period on (see BreakerState).
 */
export function describeUnavailability(unavailability: InstanceUnavailability, now: number, wallNow: number): string {
  switch (unavailability.kind) {
    case 'disabled':
      return `disabled (${unavailability.reason})`;
    case 'saturated':
      return `at its concurrency limit (${unavailability.inFlight} of ${unavailability.maxConcurrency} in flight)`;
    case 'cooling_down':
      return `cooling down (Retry-After) for ${msUntil(unavailability.until, now)} ms`;
    case 'unhealthy':
      return `unhealthy (${unavailability.reason})`;
    case 'misconfigured':
      return `misconfigured (${unavailability.status}), retried in ${msUntil(unavailability.retryAt, now)} ms`;
    case 'breaker_open':
      return `breaker open until ${isoTime(unavailability.trialAt)} (in ${msUntil(unavailability.trialAt, wallNow)} ms)`;
    case 'breaker_trial_busy':
      return 'breaker half-open, its trial calls already in flight';
    case 'rate_limited':
      return 'rpm/tpm budget spent';
    default: {
      const unreachable: never = unavailability;
      throw new RangeError(`unknown unavailability ${JSON.stringify(unreachable)}`);
    }
  }
}

function msUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil(at - now));
}

function isoTime(at: number): string {
  return Number.isFinite(at) ? new Date(at).toISOString() : 'further notice';
}
