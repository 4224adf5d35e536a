import type { PoolInstance } from '../../domain/instance/pool-instance';
import type { PollingPool } from '../../domain/pool/polling-pool';
import type { Clock } from '../ports/clock';
import type { HealthProbe, ProbeResult } from '../ports/health-probe';
import type { Logger } from '../ports/logger';
import { CheckStreak, type CheckVerdict } from './check-streak';
import { jitteredDelay } from './jittered-delay';
import { errorMessage } from '../../domain/errors/error-message';

/** The instance a loop checks and the pool whose `[health_check]` settings it follows. */
export interface CheckTarget {
  readonly instance: PoolInstance;
  readonly pool: PollingPool;
}

export interface CheckLoopDeps {
  readonly probe: HealthProbe;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly random: () => number;
}

/**
 * Checks one instance again and again: waits a jittered interval, runs one probe under the
 * timeout, applies the thresholds, and only then starts the next wait, so two checks of the same
 * instance never overlap. A new target (a reload) applies from the next check on.
 */
export class InstanceCheckLoop {
  private readonly streak = new CheckStreak();
  private cancelWait: (() => void) | undefined;
  private inFlight: AbortController | undefined;
  private stopped = false;

  public constructor(
    private target: CheckTarget,
    private readonly deps: CheckLoopDeps,
  ) {}

  public start(): void {
    this.scheduleNext();
  }

  public retarget(target: CheckTarget): void {
    this.target = target;
  }

  /** Cancels the pending wait and aborts a probe in flight; its result is then ignored. */
  public stop(): void {
    this.stopped = true;
    this.cancelWait?.();
    this.cancelWait = undefined;
    this.inFlight?.abort(new Error('health checks stopped'));
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    const { intervalMs, jitterRatio } = this.target.pool.healthCheck;
    this.cancelWait = this.deps.clock.schedule(jitteredDelay(intervalMs, jitterRatio, this.deps.random), () => {
      this.cancelWait = undefined;
      void this.checkThenWait();
    });
  }

  private async checkThenWait(): Promise<void> {
    try {
      await this.check();
    } catch (error) {
      this.deps.logger.error('health check crashed', { instance: this.target.instance.name, problem: errorMessage(error) });
    }
    this.scheduleNext();
  }

  private async check(): Promise<void> {
    const { instance, pool } = this.target;
    const settings = pool.healthCheck;
    const controller = new AbortController();
    this.inFlight = controller;
    let timedOut = false;
    const cancelTimeout = this.deps.clock.schedule(settings.timeoutMs, () => {
      timedOut = true;
      controller.abort(new Error(`health check timed out after ${settings.timeoutMs} ms`));
    });
    let result: ProbeResult;
    try {
      result = await this.deps.probe.probe(instance, settings, controller.signal);
    } catch (error) {
      result = { ok: false, message: `health probe failed: ${errorMessage(error)}` };
    } finally {
      cancelTimeout();
      this.inFlight = undefined;
    }
    if (this.stopped) return;
    if (timedOut) result = { ok: false, message: `health check timed out after ${settings.timeoutMs} ms` };
    const verdict = this.streak.record(instance.runtime.health, result, settings, this.deps.clock.now());
    this.apply(verdict, result);
  }

  private apply(verdict: CheckVerdict, result: ProbeResult): void {
    const { instance, pool } = this.target;
    switch (verdict.kind) {
      case 'unchanged':
        return;
      case 'out':
        instance.runtime.setHealth(verdict.next);
        this.deps.logger.warn('instance out of rotation: health checks failing', {
          pool: pool.name,
          instance: instance.name,
          failures: verdict.failures,
          ...(!result.ok && result.status !== undefined ? { status: result.status } : {}),
          reason: verdict.reason,
        });
        return;
      case 'back':
        instance.runtime.setHealth(verdict.next);
        this.deps.logger.info('instance back in rotation: health checks passing', {
          pool: pool.name,
          instance: instance.name,
          was: verdict.was,
          reason: `passed ${verdict.passes} consecutive health checks`,
        });
        return;
      default: {
        const unreachable: never = verdict;
        throw new RangeError(`unknown check verdict ${JSON.stringify(unreachable)}`);
      }
    }
  }
}

