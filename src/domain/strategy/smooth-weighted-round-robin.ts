import type { PoolInstance } from '../instance/pool-instance';
import type { RandomSource } from './random-source';
import type { SelectionStrategy } from './selection-strategy';

/**
 * Smooth weighted round robin (as in nginx): weights 3:1 give exactly three of every four picks
 * to the first instance, interleaved (A A B A) rather than in bursts (A A A B).
 */
export class SmoothWeightedRoundRobin implements SelectionStrategy {
  public readonly kind = 'weighted';
  private readonly current = new Map<string, number>();

  public constructor(private readonly random: RandomSource) {}

  public pick(candidates: readonly PoolInstance[]): PoolInstance {
    let total = 0;
    let best: PoolInstance | undefined;
    let bestWeight = Number.NEGATIVE_INFINITY;
    let ties = 0;
    for (const candidate of candidates) {
      const weight = (this.current.get(candidate.identity) ?? 0) + candidate.weight;
      this.current.set(candidate.identity, weight);
      total += candidate.weight;
      if (weight > bestWeight) {
        best = candidate;
        bestWeight = weight;
        ties = 1;
      } else if (weight === bestWeight) {
        ties += 1;
        if (this.random() * ties < 1) best = candidate;
      }
    }
    if (best === undefined) throw new RangeError('SmoothWeightedRoundRobin.pick needs at least one candidate');
    this.current.set(best.identity, bestWeight - total);
    return best;
  }
}
