import { RandomChoice } from '../../../../src/domain/strategy/random-choice';
import { constantRandom, countByName, instances, pickNames, seededRandom } from '../builders';

describe('RandomChoice', () => {
  it('picks every instance about equally often', () => {
    const all = instances('a', 'b', 'c', 'd');

    const counts = countByName(pickNames(new RandomChoice(seededRandom(99)), all, 8_000));

    for (const name of ['a', 'b', 'c', 'd']) {
      expect(counts.get(name)).toBeGreaterThan(1_800);
      expect(counts.get(name)).toBeLessThan(2_200);
    }
  });

  it('ignores weights', () => {
    const all = instances({ name: 'heavy', weight: 10 }, { name: 'light', weight: 1 });

    const counts = countByName(pickNames(new RandomChoice(seededRandom(12)), all, 4_000));

    expect(counts.get('light')).toBeGreaterThan(1_800);
    expect(counts.get('light')).toBeLessThan(2_200);
  });

  it('maps the random draw onto the candidate list', () => {
    const all = instances('a', 'b', 'c', 'd');

    expect(new RandomChoice(constantRandom(0)).pick(all).name).toBe('a');
    expect(new RandomChoice(constantRandom(0.5)).pick(all).name).toBe('c');
    expect(new RandomChoice(constantRandom(0.999)).pick(all).name).toBe('d');
  });

  it('refuses an empty candidate list', () => {
    expect(() => new RandomChoice(seededRandom(1)).pick([])).toThrow(RangeError);
  });
});
