import type { PoolInstance } from '../instance/pool-instance';
import type { SelectionStrategy } from './selection-strategy';

/** Takes instances in pool order, skipping the ones that cannot be called right now. */
export class RoundRobin implements SelectionStrategy {
  public readonly kind = 'round_robin';
  private lastIndex = -1;

  public pick(candidates: readonly PoolInstance[]): PoolInstance {
    let next: PoolInstance | undefined;
    for (const candidate of candidates) {
      if (candidate.index > this.lastIndex) {
        next = candidate;
        break;
      }
    }
    const chosen = next ?? candidates[0];
    if (chosen === undefined) throw new RangeError('RoundRobin.pick needs at least one candidate');
    this.lastIndex = chosen.index;
    return chosen;
  }
}
