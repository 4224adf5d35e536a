import type { FailureClass } from '../../domain/attempt/failure-class';
import { HEALTHY } from '../../domain/instance/instance-health';
import type { PoolInstance } from '../../domain/instance/pool-instance';
import type { PollingPool } from '../../domain/pool/polling-pool';
import type { Clock } from '../ports/clock';
import type { UpstreamFailure } from '../ports/llm-client';
import type { Logger } from '../ports/logger';

const COOLDOWN_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/**
 * What an attempt's outcome does to its instance: breaker verdicts, health, `Retry-After`
 * cooldowns and failure counts. The single place where live instance state learns from traffic.
 */
export class InstanceOutcomes {
  public constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  public succeeded(instance: PoolInstance): void {
    instance.runtime.breaker.recordSuccess();
    this.markHealthy(instance);
  }

  /**
   * A stream that started and then broke (cut, malformed at its end, over `maxResponseBytes`, or
   * past the plan's `maxStreamMs`): the instance failed, after all.
   */
  public streamBroke(instance: PoolInstance): void {
    instance.runtime.breaker.recordFailure();
    instance.runtime.recordFailure('transient');
  }

  /** A call whose verdict never came (the client went away): gives back any breaker trial slot. */
  public abandoned(instance: PoolInstance): void {
    instance.runtime.breaker.releaseWithoutOutcome();
  }

  public failed(instance: PoolInstance, pool: PollingPool, failure: UpstreamFailure, failureClass: FailureClass, deadlinePassed: boolean): void {
    if (failure.reason === 'not_admitted') return;
    const runtime = instance.runtime;
    switch (failureClass) {
      case 'transient':
        runtime.breaker.recordFailure();
        runtime.recordFailure(failureClass);
        if (failure.retryAfterMs !== undefined && COOLDOWN_STATUSES.has(failure.status ?? 0)) {
          runtime.coolDownUntil(this.clock.now() + failure.retryAfterMs);
        }
        return;
      case 'misconfigured':
        runtime.breaker.releaseWithoutOutcome();
        runtime.recordFailure(failureClass);
        this.markMisconfigured(instance, pool, failure);
        return;
      case 'context_length':
      case 'request_invalid':
        // The instance answered properly; the request was at fault.
        runtime.breaker.recordSuccess();
        runtime.recordFailure(failureClass);
        return;
      case 'gateway_error':
        // The gateway failed before sending anything: no verdict on the instance at all.
        runtime.breaker.releaseWithoutOutcome();
        return;
      case 'aborted':
        if (deadlinePassed) {
          // Abandoned at the deadline: for the instance, a timeout.
          runtime.breaker.recordFailure();
          runtime.recordFailure('transient');
        } else {
          runtime.breaker.releaseWithoutOutcome();
        }
        return;
      default: {
        const unreachable: never = failureClass;
        throw new RangeError(`unknown failure class ${String(unreachable)}`);
      }
    }
  }

  private markMisconfigured(instance: PoolInstance, pool: PollingPool, failure: UpstreamFailure): void {
    const now = this.clock.now();
    const wasHealthy = instance.runtime.health.kind !== 'misconfigured';
    instance.runtime.setHealth({
      kind: 'misconfigured',
      since: now,
      status: failure.status ?? 0,
      retryAt: now + pool.circuitBreaker.resetTimeoutMs,
      reason: failure.message,
    });
    if (wasHealthy) {
      this.logger.warn('instance out of rotation: misconfigured', {
        pool: pool.name,
        instance: instance.name,
        status: failure.status,
        retryInMs: pool.circuitBreaker.resetTimeoutMs,
        reason: failure.message,
      });
    }
  }

  private markHealthy(instance: PoolInstance): void {
    const previous = instance.runtime.health;
    if (previous.kind === 'healthy') return;
    instance.runtime.setHealth(HEALTHY);
    this.logger.info('instance back in rotation', { instance: instance.name, was: previous.kind });
  }
}
