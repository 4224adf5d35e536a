/** Active health checks of a pool's instances. Immutable; from `[health_check]`. */
export interface HealthCheckSettings {
  /** Checks run only for pools (or registry defaults) that configure them. */
  readonly enabled: boolean;
  /** Time between two checks of one instance (each wait is jittered by `jitterRatio`). */
  readonly intervalMs: number;
  /** A check that takes longer fails. */
  readonly timeoutMs: number;
  /**
   * `GET {base_url}{path}` must answer 2xx (default `/models`, free on OpenAI-compatible APIs);
   * `completion` sends a one-token chat completion instead (costs a token per check).
   */
  readonly probe: { readonly kind: 'path'; readonly path: string } | { readonly kind: 'completion' };
  /** Consecutive passing checks that bring an unhealthy or misconfigured instance back. */
  readonly healthyThreshold: number;
  /** Consecutive failing checks that take a healthy instance out of rotation. */
  readonly unhealthyThreshold: number;
  /** Each wait is interval x (1 ± jitterRatio), so instances are not all checked at once. */
  readonly jitterRatio: number;
}

export const DEFAULT_HEALTH_CHECK: HealthCheckSettings = {
  enabled: false,
  intervalMs: 10_000,
  timeoutMs: 5_000,
  probe: { kind: 'path', path: '/models' },
  healthyThreshold: 2,
  unhealthyThreshold: 2,
  jitterRatio: 0.1,
};
