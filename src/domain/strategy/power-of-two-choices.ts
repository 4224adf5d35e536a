import type { PoolInstance } from '../instance/pool-instance';
import { pickLowest } from './pick-lowest';
import { randomIndex, type RandomSource } from './random-source';
import type { SelectionStrategy } from './selection-strategy';

/**
 * Power of two choices: draws two distinct instances at random and keeps the one with the lower
 * cost, cost = (in-flight + 1) x latency EWMA. Close to least-loaded at a fraction of the cost,
 * and without the herding of a strict minimum.
 */
export class PowerOfTwoChoices implements SelectionStrategy {
  public readonly kind = 'p2c';

  public constructor(private readonly random: RandomSource) {}

  public pick(candidates: readonly PoolInstance[]): PoolInstance {
    if (candidates.length <= 2) return pickLowest(candidates, cost, this.random);
    const first = randomIndex(this.random, candidates.length);
    let second = randomIndex(this.random, candidates.length - 1);
    if (second >= first) second += 1;
    const a = candidates[first] as PoolInstance;
    const b = candidates[second] as PoolInstance;
    return pickLowest([a, b], cost, this.random);
  }
}

function cost(instance: PoolInstance): number {
  const latency = instance.runtime.latencyEwmaMs ?? 0;
  return ((instance.runtime.inFlight + 1) * (latency + 1)) / instance.weight;
}
