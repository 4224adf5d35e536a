import { SmoothWeightedRoundRobin } from '../../../../src/domain/strategy/smooth-weighted-round-robin';
import { constantRandom, countByName, instances, pickNames, seededRandom } from '../builders';

/** Splits picks into consecutive windows of `size`, starting at the first pick. */
function windows(names: readonly string[], size: number): string[] {
  const result: string[] = [];
  for (let start = 0; start < names.length; start += size) result.push(names.slice(start, start + size).join(''));
  return result;
}

/*
 * Expected sequences follow nginx's smooth weighted round robin: every pick adds each weight to
 * that instance's current value, takes the largest, and subtracts the total weight from the winner.
 * nginx keeps the first of equal values; this strategy breaks that tie at random (random() * ties < 1
 * moves to the later one), so a random of 0.99 reproduces nginx and a random of 0 takes the later one.
 */
describe('SmoothWeightedRoundRobin', () => {
  it('gives weights 3:1 the nginx order A A B A when ties keep the earlier instance', () => {
    const all = instances({ name: 'A', weight: 3 }, { name: 'B', weight: 1 });
    const strategy = new SmoothWeightedRoundRobin(constantRandom(0.99));

    expect(windows(pickNames(strategy, all, 12), 4)).toEqual(['AABA', 'AABA', 'AABA']);
  });

  it('gives weights 3:1 the order A B A A when ties move to the later instance', () => {
    const all = instances({ name: 'A', weight: 3 }, { name: 'B', weight: 1 });
    const strategy = new SmoothWeightedRoundRobin(constantRandom(0));

    expect(windows(pickNames(strategy, all, 12), 4)).toEqual(['ABAA', 'ABAA', 'ABAA']);
  });

  it('gives weights 3:1 exactly three of every four picks to the heavy instance, never three in a row within a window', () => {
    const all = instances({ name: 'A', weight: 3 }, { name: 'B', weight: 1 });
    const strategy = new SmoothWeightedRoundRobin(seededRandom(7));

    const picks = windows(pickNames(strategy, all, 400), 4);

    expect(new Set(picks)).toEqual(new Set(['AABA', 'ABAA']));
  });

  it('does the same when the heavy instance is listed last', () => {
    const all = instances({ name: 'B', weight: 1 }, { name: 'A', weight: 3 });
    const strategy = new SmoothWeightedRoundRobin(seededRandom(11));

    const picks = windows(pickNames(strategy, all, 400), 4);

    for (const window of picks) expect(['AABA', 'ABAA']).toContain(window);
  });

  it('interleaves weights 2:1:1 as A B C A (nginx) or A C B A, never the heavy instance twice in a row within a window', () => {
    const all = instances({ name: 'A', weight: 2 }, { name: 'B', weight: 1 }, { name: 'C', weight: 1 });

    expect(windows(pickNames(new SmoothWeightedRoundRobin(constantRandom(0.99)), all, 8), 4)).toEqual([
      'ABCA',
      'ABCA',
    ]);
    expect(windows(pickNames(new SmoothWeightedRoundRobin(constantRandom(0)), all, 8), 4)).toEqual([
      'ACBA',
      'ACBA',
    ]);

    const seeded = windows(pickNames(new SmoothWeightedRoundRobin(seededRandom(3)), all, 400), 4);
    expect(new Set(seeded)).toEqual(new Set(['ABCA', 'ACBA']));
  });

  it('reproduces the sequence documented by nginx for weights 5:1:1', () => {
    const all = instances({ name: 'a', weight: 5 }, { name: 'b', weight: 1 }, { name: 'c', weight: 1 });
    const strategy = new SmoothWeightedRoundRobin(constantRandom(0.99));

    expect(pickNames(strategy, all, 14).join(' ')).toBe('a a b a c a a a a b a c a a');
  });

  it('splits 700 picks over weights 5:1:1 as exactly 500/100/100, and exactly 5/1/1 in every window of 7', () => {
    const all = instances({ name: 'a', weight: 5 }, { name: 'b', weight: 1 }, { name: 'c', weight: 1 });
    const strategy = new SmoothWeightedRoundRobin(seededRandom(42));

    const picks = pickNames(strategy, all, 700);

    expect(countByName(picks)).toEqual(
      new Map([
        ['a', 500],
        ['b', 100],
        ['c', 100],
      ]),
    );
    for (const window of windows(picks, 7)) {
      expect([...window].sort().join('')).toBe('aaaaabc');
    }
  });

  it('breaks a tie between equal current weights at random, not always towards the first instance', () => {
    const all = instances('A', 'B');

    expect(new SmoothWeightedRoundRobin(constantRandom(0.99)).pick(all).name).toBe('A');
    expect(new SmoothWeightedRoundRobin(constantRandom(0)).pick(all).name).toBe('B');

    const random = seededRandom(5);
    const firstPicks = [];
    for (let i = 0; i < 200; i += 1) firstPicks.push(new SmoothWeightedRoundRobin(random).pick(all).name);
    const counts = countByName(firstPicks);
    expect(counts.get('A')).toBeGreaterThan(60);
    expect(counts.get('B')).toBeGreaterThan(60);
  });

  it('shares picks among the remaining candidates by weight while one is missing, then takes it back in', () => {
    const [a, b, c] = instances({ name: 'a', weight: 3 }, { name: 'b', weight: 2 }, { name: 'c', weight: 1 });
    const strategy = new SmoothWeightedRoundRobin(seededRandom(9));
    const exactly = (counts: readonly [number, number, number]): Map<string, number> =>
      new Map(['a', 'b', 'c'].map((name, i) => [name, counts[i] ?? 0] as const).filter(([, n]) => n > 0));

    expect(countByName(pickNames(strategy, [a!, b!, c!], 6))).toEqual(exactly([3, 2, 1]));
    expect(countByName(pickNames(strategy, [b!, c!], 300))).toEqual(exactly([0, 200, 100]));
    expect(countByName(pickNames(strategy, [a!, b!, c!], 6))).toEqual(exactly([3, 2, 1]));
  });

  it('keeps returning the only candidate', () => {
    const [a] = instances({ name: 'a', weight: 4 });

    expect(pickNames(new SmoothWeightedRoundRobin(seededRandom(1)), [a!], 5)).toEqual(['a', 'a', 'a', 'a', 'a']);
  });

  it('refuses an empty candidate list', () => {
    expect(() => new SmoothWeightedRoundRobin(seededRandom(1)).pick([])).toThrow(RangeError);
  });
});
