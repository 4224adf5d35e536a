import type { TierLimits } from '../../domain/task-group/tier-overflow';

/**
 * How long a client turned away by a full or too-slow tier queue should wait: `queue_timeout_ms`,
 * rounded up to whole seconds (the unit of `Retry-After`), at least one second. By then everyone
 * now queued has been admitted or given up, so the queue has turned over once. A guess, not a
 * promise: the gateway does not know how long the requests in flight will take.
 */
export function retryAfterEstimate(limits: TierLimits): number {
  return Math.max(1, Math.ceil(limits.queueTimeoutMs / 1000)) * 1000;
}
