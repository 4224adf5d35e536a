import { createStrategy } from '../../../../src/domain/strategy/create-strategy';
import { LeastConnections } from '../../../../src/domain/strategy/least-connections';
import { LeastLatency } from '../../../../src/domain/strategy/least-latency';
import { PowerOfTwoChoices } from '../../../../src/domain/strategy/power-of-two-choices';
import { RandomChoice } from '../../../../src/domain/strategy/random-choice';
import { RoundRobin } from '../../../../src/domain/strategy/round-robin';
import { StrategyKindValues, type StrategyKind } from '../../../../src/domain/strategy/selection-strategy';
import { SmoothWeightedRoundRobin } from '../../../../src/domain/strategy/smooth-weighted-round-robin';
import { builtInStrategySpec, type StrategySpec } from '../../../../src/domain/strategy/strategy-spec';
import { constantRandom, countByName, instances, pickNames, seededRandom } from '../builders';

const implementations: Record<StrategyKind, new (...args: never[]) => object> = {
  round_robin: RoundRobin,
  weighted: SmoothWeightedRoundRobin,
  least_connections: LeastConnections,
  least_latency: LeastLatency,
  random: RandomChoice,
  p2c: PowerOfTwoChoices,
};

function spec(kind: StrategyKind, exploration = 0): StrategySpec {
  return { name: kind, kind, exploration };
}

describe('createStrategy', () => {
  it.each(StrategyKindValues)('builds the %s strategy', (kind) => {
    const strategy = createStrategy(builtInStrategySpec(kind), seededRandom(1));

    expect(strategy.kind).toBe(kind);
    expect(strategy).toBeInstanceOf(implementations[kind]);
  });

  it('builds round_robin that cycles in pool order', () => {
    expect(pickNames(createStrategy(spec('round_robin')), instances('a', 'b', 'c'), 4)).toEqual(['a', 'b', 'c', 'a']);
  });

  it('builds weighted that follows weights and uses the given random source for ties', () => {
    const all = instances({ name: 'A', weight: 3 }, 'B');

    expect(pickNames(createStrategy(spec('weighted'), constantRandom(0.99)), all, 4).join('')).toBe('AABA');
    expect(pickNames(createStrategy(spec('weighted'), constantRandom(0)), all, 4).join('')).toBe('ABAA');
  });

  it('builds least_connections that uses the given random source for ties', () => {
    const all = instances('a', 'b', { name: 'busy', inFlight: 1 });

    expect(createStrategy(spec('least_connections'), constantRandom(0.99)).pick(all).name).toBe('a');
    expect(createStrategy(spec('least_connections'), constantRandom(0)).pick(all).name).toBe('b');
  });

  it('builds least_latency with the exploration share of its spec', () => {
    const all = instances({ name: 'fast', latencies: [10] }, { name: 'slow', latencies: [500] });

    expect(createStrategy(spec('least_latency', 0), constantRandom(0.99)).pick(all).name).toBe('fast');
    expect(createStrategy(spec('least_latency', 1), constantRandom(0.99)).pick(all).name).toBe('slow');
  });

  it('builds least_latency exploring about 5% by default', () => {
    const all = instances({ name: 'fast', latencies: [10] }, { name: 'slow', latencies: [500] });

    const counts = countByName(pickNames(createStrategy(builtInStrategySpec('least_latency'), seededRandom(77)), all, 10_000));

    // Half of the explored 5% lands on the slow instance: about 250 of 10 000.
    expect(counts.get('slow')).toBeGreaterThan(170);
    expect(counts.get('slow')).toBeLessThan(340);
  });

  it('builds random that maps the given random source onto the candidates', () => {
    const all = instances('a', 'b', 'c');

    expect(createStrategy(spec('random'), constantRandom(0)).pick(all).name).toBe('a');
    expect(createStrategy(spec('random'), constantRandom(0.99)).pick(all).name).toBe('c');
  });

  it('builds p2c that keeps the cheaper of two instances', () => {
    const all = instances({ name: 'busy', inFlight: 4 }, { name: 'idle' });

    expect(createStrategy(spec('p2c'), constantRandom(0)).pick(all).name).toBe('idle');
  });

  it('uses Math.random when no random source is given', () => {
    const all = instances('a', 'b', 'c');

    const counts = countByName(pickNames(createStrategy(spec('random')), all, 300));

    expect(counts.size).toBe(3);
  });

  it('gives every call its own state, so that two pools rotate independently', () => {
    const all = instances('a', 'b', 'c');
    const first = createStrategy(spec('round_robin'));
    const second = createStrategy(spec('round_robin'));

    expect(pickNames(first, all, 2)).toEqual(['a', 'b']);
    expect(pickNames(second, all, 2)).toEqual(['a', 'b']);
  });
});
