import type { PoolInstance } from '../instance/pool-instance';
import { randomIndex, type RandomSource } from './random-source';
import type { SelectionStrategy } from './selection-strategy';

/** Picks uniformly at random, ignoring weights. */
export class RandomChoice implements SelectionStrategy {
  public readonly kind = 'random';

  public constructor(private readonly random: RandomSource) {}

  public pick(candidates: readonly PoolInstance[]): PoolInstance {
    const chosen = candidates[randomIndex(this.random, candidates.length)];
    if (chosen === undefined) throw new RangeError('RandomChoice.pick needs at least one candidate');
    return chosen;
  }
}
