/**
 * Whether an instance takes traffic, apart from its breaker:
 * - `healthy`: it does;
 * - `unhealthy`: active health checks failed; it rejoins after passing them again;
 * - `misconfigured`: the upstream refused the instance itself (401/403/404); it rejoins after a
 *   passing health check or after `retryAt`, whichever comes first.
 */
export type InstanceHealth =
  | { readonly kind: 'healthy' }
  | { readonly kind: 'unhealthy'; readonly since: number; readonly reason: string }
  | { readonly kind: 'misconfigured'; readonly since: number; readonly status: number; readonly retryAt: number; readonly reason: string };

export const InstanceHealthKindValues = ['healthy', 'unhealthy', 'misconfigured'] as const;

export const HEALTHY: InstanceHealth = { kind: 'healthy' };
