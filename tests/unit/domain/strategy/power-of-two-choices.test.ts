import { PowerOfTwoChoices } from '../../../../src/domain/strategy/power-of-two-choices';
import { constantRandom, countByName, instances, pickNames, scriptedRandom, seededRandom } from '../builders';

/** Two draws that make the strategy take candidate `first`, then the `second`-th of the remaining ones. */
function draws(first: number, second: number, length: number): number[] {
  return [(first + 0.5) / length, (second + 0.5) / (length - 1)];
}

describe('PowerOfTwoChoices', () => {
  // Cost = in-flight + 1 here (no latency samples, weight 1): c0 is the cheapest, c3 the dearest.
  const byCost = (): ReturnType<typeof instances> =>
    instances(
      { name: 'c2', inFlight: 2 },
      { name: 'c0', inFlight: 0 },
      { name: 'c3', inFlight: 3 },
      { name: 'c1', inFlight: 1 },
    );

  it('keeps the cheaper of the two instances it draws, and never draws the same one twice', () => {
    const all = byCost();
    // Rows: first draw (pool position 0..3); columns: second draw among the other three, in pool order.
    const expected = [
      ['c0', 'c2', 'c1'], // c2 against c0, c3, c1
      ['c0', 'c0', 'c0'], // c0 against c2, c3, c1
      ['c2', 'c0', 'c1'], // c3 against c2, c0, c1
      ['c1', 'c0', 'c1'], // c1 against c2, c0, c3
    ];

    for (let first = 0; first < 4; first += 1) {
      for (let second = 0; second < 3; second += 1) {
        const strategy = new PowerOfTwoChoices(scriptedRandom(draws(first, second, 4)));
        expect([first, second, strategy.pick(all).name]).toEqual([first, second, expected[first]?.[second]]);
      }
    }
  });

  it('never picks the dearest instance and favours cheaper ones', () => {
    const counts = countByName(pickNames(new PowerOfTwoChoices(seededRandom(31)), byCost(), 6_000));

    // c0 wins whenever drawn (1/2), c1 against c2 or c3 (1/3), c2 only against c3 (1/6).
    expect(counts.get('c3')).toBeUndefined();
    expect(counts.get('c0')).toBeGreaterThan(2_700);
    expect(counts.get('c0')).toBeLessThan(3_300);
    expect(counts.get('c1')).toBeGreaterThan(1_700);
    expect(counts.get('c1')).toBeLessThan(2_300);
    expect(counts.get('c2')).toBeGreaterThan(750);
    expect(counts.get('c2')).toBeLessThan(1_250);
  });

  it('counts latency and weight in the cost', () => {
    // slow: 1 x 301 = 301; busy: 3 x 51 = 153.
    const latency = instances({ name: 'slow', latencies: [300] }, { name: 'busy', inFlight: 2, latencies: [50] });
    expect(new PowerOfTwoChoices(seededRandom(1)).pick(latency).name).toBe('busy');

    // big: 4 x 1 / 4 = 1; small: 2 x 1 / 1 = 2.
    const weight = instances({ name: 'small', inFlight: 1 }, { name: 'big', weight: 4, inFlight: 3 });
    expect(new PowerOfTwoChoices(seededRandom(1)).pick(weight).name).toBe('big');
  });

  it('with two candidates always takes the cheaper one, whatever the random source', () => {
    const all = instances({ name: 'busy', inFlight: 1 }, { name: 'idle' });

    for (const random of [constantRandom(0), constantRandom(0.99), seededRandom(4)]) {
      expect(new Set(pickNames(new PowerOfTwoChoices(random), all, 20))).toEqual(new Set(['idle']));
    }
  });

  it('with two equal candidates breaks the tie at random', () => {
    const all = instances('a', 'b');

    expect(new Set(pickNames(new PowerOfTwoChoices(seededRandom(15)), all, 100))).toEqual(new Set(['a', 'b']));
  });

  it('with one candidate returns it', () => {
    const [only] = instances({ name: 'only', inFlight: 7 });

    expect(pickNames(new PowerOfTwoChoices(seededRandom(1)), [only!], 3)).toEqual(['only', 'only', 'only']);
  });

  it('refuses an empty candidate list', () => {
    expect(() => new PowerOfTwoChoices(seededRandom(1)).pick([])).toThrow(RangeError);
  });
});
