import type { PoolInstance } from '../../domain/instance/pool-instance';
import type { PollingPool } from '../../domain/pool/polling-pool';
import type { RouteStep } from '../../domain/routing/route-plan';

export interface LadderPick {
  readonly step: RouteStep;
  readonly pool: PollingPool;
  readonly instance: PoolInstance;
}

/**
 * Walks a route's steps for one request: picks instances from the current tier (its pools in order)
 * until none is left, then degrades to the next tier. An instance is tried at most once per request.
 */
export class TierLadder {
  private stepIndex = 0;
  private readonly tried = new Set<string>();

  public constructor(private readonly steps: readonly RouteStep[]) {}

  public next(now: number): LadderPick | undefined {
    while (this.stepIndex < this.steps.length) {
      const step = this.steps[this.stepIndex] as RouteStep;
      for (const pool of step.pools) {
        const instance = pool.pick(this.tried, now);
        if (instance !== undefined) return { step, pool, instance };
      }
      this.stepIndex += 1;
    }
    return undefined;
  }

  public markTried(instance: PoolInstance): void {
    this.tried.add(instance.identity);
  }

  /** The current tier's models cannot serve this request (e.g. context too long): go to the next. */
  public skipTier(): void {
    this.stepIndex += 1;
  }
}
