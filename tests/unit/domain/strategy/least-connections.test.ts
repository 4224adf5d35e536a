import { LeastConnections } from '../../../../src/domain/strategy/least-connections';
import { constantRandom, countByName, instances, pickNames, scriptedRandom, seededRandom } from '../builders';

describe('LeastConnections', () => {
  it('picks the instance with the fewest requests in flight', () => {
    const all = instances({ name: 'a', inFlight: 2 }, { name: 'b', inFlight: 0 }, { name: 'c', inFlight: 1 });

    expect(pickNames(new LeastConnections(seededRandom(1)), all, 5)).toEqual(['b', 'b', 'b', 'b', 'b']);
  });

  it('measures in-flight requests relative to weight', () => {
    // a: 2 in flight / weight 3 = 0.67 beats b: 1 in flight / weight 1 = 1, although a has more in flight.
    const heavier = instances({ name: 'a', weight: 3, inFlight: 2 }, { name: 'b', weight: 1, inFlight: 1 });
    expect(new LeastConnections(seededRandom(1)).pick(heavier).name).toBe('a');

    // a: 3 / 2 = 1.5 loses to b: 1 / 1 = 1.
    const overloaded = instances({ name: 'a', weight: 2, inFlight: 3 }, { name: 'b', weight: 1, inFlight: 1 });
    expect(new LeastConnections(seededRandom(1)).pick(overloaded).name).toBe('b');
  });

  it('follows the live in-flight count, spreading concurrent requests evenly', () => {
    const all = instances('a', 'b', 'c');
    const strategy = new LeastConnections(seededRandom(4));

    const picked = [];
    for (let i = 0; i < 9; i += 1) {
      const chosen = strategy.pick(all);
      chosen.runtime.acquire();
      picked.push(chosen.name);
    }

    expect(countByName(picked)).toEqual(
      new Map([
        ['a', 3],
        ['b', 3],
        ['c', 3],
      ]),
    );
  });

  it('breaks ties at random so that every idle instance gets traffic', () => {
    const all = instances('a', 'b', 'c');
    const counts = countByName(pickNames(new LeastConnections(Math.random), all, 300));

    expect(counts.get('a')).toBeGreaterThanOrEqual(50);
    expect(counts.get('b')).toBeGreaterThanOrEqual(50);
    expect(counts.get('c')).toBeGreaterThanOrEqual(50);
  });

  it('can give a tie to the first, a middle or the last tied instance, depending on the random source', () => {
    const all = instances('a', 'b', 'c');

    // Reservoir sampling: the k-th tied instance replaces the current choice when random() * k < 1.
    expect(new LeastConnections(constantRandom(0.99)).pick(all).name).toBe('a');
    expect(new LeastConnections(scriptedRandom([0.4, 0.5])).pick(all).name).toBe('b');
    expect(new LeastConnections(constantRandom(0)).pick(all).name).toBe('c');
  });

  it('only breaks ties among the least loaded instances', () => {
    const all = instances(
      { name: 'a', inFlight: 1 },
      { name: 'b', inFlight: 0 },
      { name: 'c', inFlight: 1 },
      { name: 'd', inFlight: 0 },
      { name: 'e', inFlight: 2 },
    );

    expect(new LeastConnections(constantRandom(0)).pick(all).name).toBe('d');
    expect(new LeastConnections(constantRandom(0.99)).pick(all).name).toBe('b');
    expect(new Set(pickNames(new LeastConnections(seededRandom(8)), all, 200))).toEqual(new Set(['b', 'd']));
  });

  it('refuses an empty candidate list', () => {
    expect(() => new LeastConnections(seededRandom(1)).pick([])).toThrow(RangeError);
  });
});
