/** A source of numbers in [0, 1); injected so that strategies can be tested deterministically. */
export type RandomSource = () => number;

export function randomIndex(random: RandomSource, length: number): number {
  return Math.min(length - 1, Math.floor(random() * length));
}
