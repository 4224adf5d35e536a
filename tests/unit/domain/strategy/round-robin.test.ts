import { RoundRobin } from '../../../../src/domain/strategy/round-robin';
import { instances, pickNames } from '../builders';

describe('RoundRobin', () => {
  it('cycles through the instances in pool order', () => {
    const [a, b, c] = instances('a', 'b', 'c');
    const strategy = new RoundRobin();

    expect(pickNames(strategy, [a!, b!, c!], 7)).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a']);
  });

  it('ignores weights', () => {
    const all = instances({ name: 'heavy', weight: 9 }, 'light');

    expect(pickNames(new RoundRobin(), all, 4)).toEqual(['heavy', 'light', 'heavy', 'light']);
  });

  it('skips a missing candidate and then carries on from where it was', () => {
    const [a, b, c, d] = instances('a', 'b', 'c', 'd');
    const strategy = new RoundRobin();

    expect(strategy.pick([a!, b!, c!, d!]).name).toBe('a');
    // b cannot be called right now: the turn passes to the next instance in pool order, not back to a.
    expect(strategy.pick([a!, c!, d!]).name).toBe('c');
    expect(strategy.pick([a!, b!, c!, d!]).name).toBe('d');
    expect(strategy.pick([a!, b!, c!, d!]).name).toBe('a');
    expect(strategy.pick([a!, b!, c!, d!]).name).toBe('b');
  });

  it('wraps to the first candidate when every later instance is missing', () => {
    const [a, b, c] = instances('a', 'b', 'c');
    const strategy = new RoundRobin();

    expect(pickNames(strategy, [a!, b!, c!], 2)).toEqual(['a', 'b']);
    expect(strategy.pick([a!, b!]).name).toBe('a');
    expect(strategy.pick([a!, b!, c!]).name).toBe('b');
  });

  it('keeps its place when the first instance is the one missing', () => {
    const [a, b, c] = instances('a', 'b', 'c');
    const strategy = new RoundRobin();

    expect(pickNames(strategy, [b!, c!], 3)).toEqual(['b', 'c', 'b']);
    expect(pickNames(strategy, [a!, b!, c!], 3)).toEqual(['c', 'a', 'b']);
  });

  it('keeps returning the only candidate', () => {
    const [a, b] = instances('a', 'b');
    const strategy = new RoundRobin();

    expect(strategy.pick([a!, b!]).name).toBe('a');
    expect(pickNames(strategy, [a!], 3)).toEqual(['a', 'a', 'a']);
    expect(strategy.pick([a!, b!]).name).toBe('b');
  });

  it('refuses an empty candidate list', () => {
    expect(() => new RoundRobin().pick([])).toThrow(RangeError);
  });
});
