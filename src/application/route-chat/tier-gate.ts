import type { TierLimits } from '../../domain/task-group/tier-overflow';
import type { Clock } from '../ports/clock';
import { retryAfterEstimate } from './retry-after-estimate';
import { ENTERED_WITHOUT_LIMIT, type TierEntry } from './tier-entry';

const OVERFLOW: Promise<TierEntry> = Promise.resolve(Object.freeze({ kind: 'overflow' }));
const ABORTED: TierEntry = Object.freeze({ kind: 'aborted' });

/**
 * The places of one tier (`group.tier`), shared by every request routed through it: at most
 * `concurrencyLimit` requests hold a place; the others overflow to the next tier or wait in a
 * bounded first-come-first-served queue. The counts are runtime state that outlives config
 * snapshots. Each call brings its snapshot's limits and the latest ones govern from then on, so a
 * reload takes effect at the next entry: a raised limit lets waiters in at once, a lowered one lets
 * no one in until enough requests have left. Requests entered while the tier was unlimited are
 * not counted.
 */
export class TierGate {
  private held = 0;
  /** Admits one waiter; insertion order is arrival order. */
  private readonly queue = new Set<() => void>();

  public constructor(
    private readonly clock: Clock,
    private limits: TierLimits,
  ) {}

  public get inFlight(): number {
    return this.held;
  }

  public get waiting(): number {
    return this.queue.size;
  }

  public get limit(): number | undefined {
    return this.limits.concurrencyLimit;
  }

  public enter(limits: TierLimits, signal: AbortSignal): Promise<TierEntry> {
    this.limits = limits;
    if (this.queue.size > 0) this.admitWaiters();
    const limit = limits.concurrencyLimit;
    if (limit === undefined) return ENTERED_WITHOUT_LIMIT;
    if (this.held < limit) return Promise.resolve(this.hold());
    switch (limits.overflow) {
      case 'next_tier':
        return OVERFLOW;
      case 'queue':
        return this.wait(limits, signal);
      default: {
        const unreachable: never = limits.overflow;
        throw new RangeError(`unknown tier overflow ${String(unreachable)}`);
      }
    }
  }

  private wait(limits: TierLimits, signal: AbortSignal): Promise<TierEntry> {
    if (signal.aborted) return Promise.resolve(ABORTED);
    if (this.queue.size >= limits.queueSize) {
      return Promise.resolve({ kind: 'queue_full', retryAfterMs: retryAfterEstimate(limits) });
    }
    return new Promise<TierEntry>((resolve) => {
      const settle = (entry: TierEntry): void => {
        this.queue.delete(admit);
        cancelTimeout();
        signal.removeEventListener('abort', onAbort);
        resolve(entry);
      };
      const admit = (): void => settle(this.hold());
      const onAbort = (): void => settle(ABORTED);
      const cancelTimeout = this.clock.schedule(limits.queueTimeoutMs, () =>
        settle({ kind: 'queue_timeout', retryAfterMs: retryAfterEstimate(limits) }),
      );
      signal.addEventListener('abort', onAbort, { once: true });
      this.queue.add(admit);
    });
  }

  private hold(): TierEntry {
    this.held += 1;
    let left = false;
    const leave = (): void => {
      if (left) return;
      left = true;
      this.held -= 1;
      this.admitWaiters();
    };
    return { kind: 'entered', leave };
  }

  /** Oldest first, while places are free. An admitted waiter removes itself from the queue. */
  private admitWaiters(): void {
    const limit = this.limits.concurrencyLimit ?? Number.POSITIVE_INFINITY;
    for (const admit of this.queue) {
      if (this.held >= limit) return;
      admit();
    }
  }
}
