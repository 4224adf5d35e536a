import type { HealthCheckSettings } from '../../domain/health/health-check-settings';
import { HEALTHY, type InstanceHealth } from '../../domain/instance/instance-health';
import type { ProbeResult } from '../ports/health-probe';

/** What one check result does to an instance's health; `next` is the health to set. */
export type CheckVerdict =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'out'; readonly next: InstanceHealth; readonly failures: number; readonly reason: string }
  | { readonly kind: 'back'; readonly next: InstanceHealth; readonly passes: number; readonly was: InstanceHealth['kind'] };

/**
 * Consecutive passing or failing checks of one instance, counted since its health last changed,
 * by a check or by traffic (a health value is never reused for another state, so a changed
 * reference means a change). Thresholds are applied to the count:
 * - `unhealthyThreshold` failures take a healthy instance out of rotation;
 * - `healthyThreshold` passes bring an unhealthy or misconfigured instance back.
 */
export class CheckStreak {
  private observed: InstanceHealth | undefined;
  private passes = 0;
  private failures = 0;

  public record(health: InstanceHealth, result: ProbeResult, settings: HealthCheckSettings, now: number): CheckVerdict {
    if (health !== this.observed) {
      this.observed = health;
      this.passes = 0;
      this.failures = 0;
    }
    if (result.ok) {
      this.passes += 1;
      this.failures = 0;
      if (health.kind !== 'healthy' && this.passes >= settings.healthyThreshold) {
        return { kind: 'back', next: HEALTHY, passes: this.passes, was: health.kind };
      }
      return { kind: 'unchanged' };
    }
    this.failures += 1;
    this.passes = 0;
    if (health.kind === 'healthy' && this.failures >= settings.unhealthyThreshold) {
      const reason = result.message;
      return { kind: 'out', next: { kind: 'unhealthy', since: now, reason }, failures: this.failures, reason };
    }
    return { kind: 'unchanged' };
  }
}
