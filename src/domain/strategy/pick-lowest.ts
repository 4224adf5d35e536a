import type { RandomSource } from './random-source';

/**
 * Returns the item with the lowest score; equal scores are broken uniformly at random
 * (reservoir sampling), so that no instance is favoured for merely coming first.
 */
export function pickLowest<T>(items: readonly T[], score: (item: T) => number, random: RandomSource): T {
  let best: T | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  let ties = 0;
  for (const item of items) {
    const value = score(item);
    if (best === undefined || value < bestScore) {
      best = item;
      bestScore = value;
      ties = 1;
    } else if (value === bestScore) {
      ties += 1;
      if (random() * ties < 1) best = item;
    }
  }
  if (best === undefined) throw new RangeError('pickLowest needs at least one item');
  return best;
}
