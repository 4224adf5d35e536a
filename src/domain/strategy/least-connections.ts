import type { PoolInstance } from '../instance/pool-instance';
import { pickLowest } from './pick-lowest';
import type { RandomSource } from './random-source';
import type { SelectionStrategy } from './selection-strategy';

/** Picks the instance with the fewest requests in flight, relative to its weight. */
export class LeastConnections implements SelectionStrategy {
  public readonly kind = 'least_connections';

  public constructor(private readonly random: RandomSource) {}

  public pick(candidates: readonly PoolInstance[]): PoolInstance {
    return pickLowest(candidates, (instance) => instance.runtime.inFlight / instance.weight, this.random);
  }
}
