import type { PoolInstance } from '../../domain/instance/pool-instance';
import type { PollingPool } from '../../domain/pool/polling-pool';
import type { RouteStep } from '../../domain/routing/route-plan';
import type { TierGates } from './tier-gates';

export interface LadderPick {
  readonly kind: 'pick';
  readonly step: RouteStep;
  readonly pool: PollingPool;
  readonly instance: PoolInstance;
}

/** Why the ladder stopped before finding an instance. */
export type LadderStop =
  | { readonly kind: 'exhausted' }
  | { readonly kind: 'saturated'; readonly step: RouteStep; readonly retryAfterMs: number; readonly reason: 'queue_full' | 'queue_timeout' }
  | { readonly kind: 'aborted' };

const EXHAUSTED: LadderStop = { kind: 'exhausted' };
const ABORTED: LadderStop = { kind: 'aborted' };

/**
 * Walks a route's steps for one request: enters a tier through its concurrency gate, picks
 * instances from it (its pools in order) until none is left, then degrades to the next tier. A
 * saturated tier with overflow "next_tier" is skipped at once; with "queue" the request waits its
 * turn, and a full queue or a timed-out wait stops the walk. An instance is tried at most once.
 */
export class TierLadder {
  private stepIndex = 0;
  private enteredIndex = -1;
  private leaveTier: () => void = noop;
  private readonly tried = new Set<string>();

  public constructor(
    private readonly steps: readonly RouteStep[],
    private readonly gates: TierGates,
    private readonly signal: AbortSignal,
  ) {}

  public async next(now: () => number, estimatedTokens: number): Promise<LadderPick | LadderStop> {
    while (this.stepIndex < this.steps.length) {
      const step = this.steps[this.stepIndex] as RouteStep;
      if (this.enteredIndex !== this.stepIndex) {
        this.leave();
        const entry = await this.gates.enter(step.group ?? '', step.tier ?? '', step.limits, this.signal);
        switch (entry.kind) {
          case 'entered':
            this.enteredIndex = this.stepIndex;
            this.leaveTier = entry.leave;
            break;
          case 'overflow':
            this.stepIndex += 1;
            continue;
          case 'queue_full':
          case 'queue_timeout':
            return { kind: 'saturated', step, retryAfterMs: entry.retryAfterMs, reason: entry.kind };
          case 'aborted':
            return ABORTED;
          default: {
            const unreachable: never = entry;
            throw new RangeError(`unknown tier entry ${JSON.stringify(unreachable)}`);
          }
        }
      }
      const at = now();
      for (const pool of step.pools) {
        const instance = pool.pick(this.tried, at, estimatedTokens);
        if (instance !== undefined) return { kind: 'pick', step, pool, instance };
      }
      this.stepIndex += 1;
    }
    this.leave();
    return EXHAUSTED;
  }

  public markTried(instance: PoolInstance): void {
    this.tried.add(instance.identity);
  }

  /** The current tier's models cannot serve this request (e.g. context too long): go to the next. */
  public skipTier(): void {
    this.stepIndex += 1;
  }

  /** Starts over from the first tier, with every instance eligible again (a retry round). */
  public restart(): void {
    this.leave();
    this.stepIndex = 0;
    this.tried.clear();
  }

  /** Gives back the current tier's place; idempotent. */
  public leave(): void {
    const leave = this.leaveTier;
    this.leaveTier = noop;
    this.enteredIndex = -1;
    leave();
  }

  /** Hands the current tier's place to the caller (held by a stream until it ends). */
  public handOff(): () => void {
    const leave = this.leaveTier;
    this.leaveTier = noop;
    this.enteredIndex = -1;
    return leave;
  }
}

function noop(): void {}
