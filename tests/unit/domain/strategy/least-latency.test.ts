import { LeastLatency } from '../../../../src/domain/strategy/least-latency';
import { constantRandom, countByName, instances, pickNames, scriptedRandom, seededRandom } from '../builders';

describe('LeastLatency', () => {
  it('picks the instance with the lowest latency average', () => {
    const all = instances({ name: 'a', latencies: [200] }, { name: 'b', latencies: [50] }, { name: 'c', latencies: [120] });

    expect(pickNames(new LeastLatency(seededRandom(1), 0), all, 5)).toEqual(['b', 'b', 'b', 'b', 'b']);
  });

  it('judges by the smoothed average, not by the latest sample', () => {
    // a: 500, 500, then 10 -> EWMA 353; b: 300.
    const all = instances({ name: 'a', latencies: [500, 500, 10] }, { name: 'b', latencies: [300] });

    expect(new LeastLatency(seededRandom(1), 0).pick(all).name).toBe('b');
  });

  it('tries an instance without any latency sample before measured ones', () => {
    const all = instances({ name: 'fast', latencies: [5] }, { name: 'unmeasured' }, { name: 'slow', latencies: [900] });

    expect(new LeastLatency(seededRandom(1), 0).pick(all).name).toBe('unmeasured');
  });

  it('spreads picks over several unmeasured instances', () => {
    const all = instances({ name: 'fast', latencies: [5] }, { name: 'x' }, { name: 'y' });

    expect(new Set(pickNames(new LeastLatency(seededRandom(2), 0), all, 200))).toEqual(new Set(['x', 'y']));
  });

  it('with exploration 0.1 sends exactly the picks whose draw is below 0.1 to a random instance', () => {
    const all = instances({ name: 'a', latencies: [10] }, { name: 'b', latencies: [100] }, { name: 'c', latencies: [200] });
    // Each pick draws once to decide on exploring; an exploring pick draws again for the instance.
    const indexDraws = [0.1, 0.5, 0.9]; // -> a, b, c
    const script: number[] = [];
    for (let k = 0; k < 100; k += 1) {
      script.push(k / 100);
      if (k < 10) script.push(indexDraws[k % 3] ?? 0);
    }
    const random = scriptedRandom(script);

    const counts = countByName(pickNames(new LeastLatency(random, 0.1), all, 100));

    // 10 explored picks: a, b, c, a, b, c, a, b, c, a; the other 90 go to the fastest.
    expect(counts).toEqual(
      new Map([
        ['a', 94],
        ['b', 3],
        ['c', 3],
      ]),
    );
    expect(random.remaining()).toBe(0);
  });

  it('with exploration 0.1 sends roughly a tenth of the picks to a random instance', () => {
    const all = instances({ name: 'a', latencies: [10] }, { name: 'b', latencies: [100] }, { name: 'c', latencies: [200] });

    const counts = countByName(pickNames(new LeastLatency(seededRandom(2024), 0.1), all, 10_000));

    // Explored picks land on b or c two times out of three: about 667 of 10 000.
    const elsewhere = (counts.get('b') ?? 0) + (counts.get('c') ?? 0);
    expect(elsewhere).toBeGreaterThan(550);
    expect(elsewhere).toBeLessThan(800);
    expect(counts.get('b')).toBeGreaterThan(250);
    expect(counts.get('c')).toBeGreaterThan(250);
  });

  it('with exploration 0 never explores, even when the random source returns 0', () => {
    const all = instances({ name: 'a', latencies: [10] }, { name: 'b', latencies: [100] }, { name: 'c', latencies: [200] });

    expect(new Set(pickNames(new LeastLatency(constantRandom(0), 0), all, 100))).toEqual(new Set(['a']));
    expect(new Set(pickNames(new LeastLatency(seededRandom(3), 0), all, 1_000))).toEqual(new Set(['a']));
  });

  it('with exploration 1 picks at random every time', () => {
    const all = instances({ name: 'a', latencies: [10] }, { name: 'b', latencies: [100] }, { name: 'c', latencies: [200] });

    expect(new LeastLatency(constantRandom(0.99), 1).pick(all).name).toBe('c');
    expect(new Set(pickNames(new LeastLatency(seededRandom(6), 1), all, 300))).toEqual(new Set(['a', 'b', 'c']));
  });

  it('returns the only candidate even when exploring', () => {
    const [only] = instances({ name: 'only', latencies: [800] });

    expect(pickNames(new LeastLatency(constantRandom(0), 1), [only!], 3)).toEqual(['only', 'only', 'only']);
  });

  it.each([-0.1, 1.1, Number.NaN])('rejects exploration %p', (exploration) => {
    expect(() => new LeastLatency(seededRandom(1), exploration)).toThrow(RangeError);
  });

  it('refuses an empty candidate list', () => {
    expect(() => new LeastLatency(seededRandom(1), 0).pick([])).toThrow(RangeError);
  });
});
