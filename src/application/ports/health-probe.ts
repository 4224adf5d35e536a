import type { HealthCheckSettings } from '../../domain/health/health-check-settings';
import type { PoolInstance } from '../../domain/instance/pool-instance';

/** The verdict of one health check: passed, or failed with the upstream status when there was one. */
export type ProbeResult = { readonly ok: true } | { readonly ok: false; readonly status?: number; readonly message: string };

/** Checks one instance once, the way its pool's `[health_check]` says (a path, or a one-token completion). */
export interface HealthProbe {
  /** Must give up when `signal` aborts (the check timed out, or the monitor stopped). */
  probe(instance: PoolInstance, settings: HealthCheckSettings, signal: AbortSignal): Promise<ProbeResult>;
}
