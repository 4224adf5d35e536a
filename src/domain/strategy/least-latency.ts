import type { PoolInstance } from '../instance/pool-instance';
import { pickLowest } from './pick-lowest';
import { randomIndex, type RandomSource } from './random-source';
import type { SelectionStrategy } from './selection-strategy';

/**
 * Picks the instance with the lowest latency EWMA. Instances without a sample yet are tried first,
 * and a small share of picks (`exploration`) goes to a random instance so that one which was slow
 * and has recovered gets measured again.
 */
export class LeastLatency implements SelectionStrategy {
  public readonly kind = 'least_latency';

  public constructor(
    private readonly random: RandomSource,
    private readonly exploration: number,
  ) {
    if (!(exploration >= 0 && exploration <= 1)) throw new RangeError('exploration must be within [0, 1]');
  }

  public pick(candidates: readonly PoolInstance[]): PoolInstance {
    if (candidates.length > 1 && this.random() < this.exploration) {
      const explored = candidates[randomIndex(this.random, candidates.length)];
      if (explored !== undefined) return explored;
    }
    return pickLowest(candidates, (instance) => instance.runtime.latencyEwmaMs ?? 0, this.random);
  }
}
