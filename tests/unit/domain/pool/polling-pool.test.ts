import type { PoolInstance } from '../../../../src/domain/instance/pool-instance';
import { PollingPool } from '../../../../src/domain/pool/polling-pool';
import { RoundRobin } from '../../../../src/domain/strategy/round-robin';
import type { SelectionStrategy } from '../../../../src/domain/strategy/selection-strategy';
import { builtInStrategySpec } from '../../../../src/domain/strategy/strategy-spec';
import { providerSpec } from '../../../support/snapshots';
import { instance, instances, pool } from '../builders';

/** A strategy that records what it was offered and takes the first candidate. */
class RecordingStrategy implements SelectionStrategy {
  public readonly kind = 'round_robin';
  public readonly offered: string[][] = [];

  public pick(candidates: readonly PoolInstance[]): PoolInstance {
    this.offered.push(candidates.map((candidate) => candidate.name));
    const first = candidates[0];
    if (first === undefined) throw new Error('offered no candidates');
    return first;
  }
}

function recordingPool(members: readonly PoolInstance[]): { pool: PollingPool; strategy: RecordingStrategy } {
  const strategy = new RecordingStrategy();
  return { pool: new PollingPool('p', members, builtInStrategySpec('round_robin'), strategy), strategy };
}

const NONE: ReadonlySet<string> = new Set();

describe('PollingPool', () => {
  it('offers its strategy every callable instance, in pool order', () => {
    const { pool: p, strategy } = recordingPool(instances('a', 'b', 'c'));

    expect(p.pick(NONE, 0)?.name).toBe('a');
    expect(strategy.offered).toEqual([['a', 'b', 'c']]);
  });

  it('skips instances whose provider is disabled', () => {
    const members = [
      instance({ name: 'a', provider: providerSpec({ name: 'off', disabledReason: 'API key missing' }) }, 0),
      instance({ name: 'b' }, 1),
      instance({ name: 'c' }, 2),
    ];
    const { pool: p, strategy } = recordingPool(members);

    expect(p.pick(NONE, 0)?.name).toBe('b');
    expect(strategy.offered).toEqual([['b', 'c']]);
    expect(p.enabledCount).toBe(2);
  });

  it('skips instances at their concurrency limit and takes them back once a request ends', () => {
    const members = instances({ name: 'a', maxConcurrency: 1 }, { name: 'b', maxConcurrency: 2, inFlight: 1 }, 'c');
    const { pool: p, strategy } = recordingPool(members);
    members[0]!.runtime.acquire();

    expect(p.pick(NONE, 0)?.name).toBe('b');
    members[1]!.runtime.acquire();
    expect(p.pick(NONE, 0)?.name).toBe('c');
    members[0]!.runtime.release();
    expect(p.pick(NONE, 0)?.name).toBe('a');
    expect(strategy.offered).toEqual([['b', 'c'], ['c'], ['a', 'c']]);
  });

  it('skips instances this request has already tried', () => {
    const members = instances('a', 'b', 'c');
    const { pool: p, strategy } = recordingPool(members);

    expect(p.pick(new Set([members[0]!.identity, members[2]!.identity]), 0)?.name).toBe('b');
    expect(strategy.offered).toEqual([['b']]);
  });

  it('returns undefined, without asking its strategy, when no instance is left', () => {
    const members = [
      instance({ name: 'off', provider: providerSpec({ name: 'off', disabledReason: 'API key missing' }) }, 0),
      instance({ name: 'full', maxConcurrency: 1, inFlight: 1 }, 1),
      instance({ name: 'tried' }, 2),
    ];
    const { pool: p, strategy } = recordingPool(members);

    expect(p.pick(new Set([members[2]!.identity]), 0)).toBeUndefined();
    expect(strategy.offered).toEqual([]);
  });

  it('returns undefined for a pool without instances', () => {
    expect(pool('empty', []).pick(NONE, 0)).toBeUndefined();
  });

  it('keeps round robin rotating past an instance that is busy', () => {
    const members = instances('a', { name: 'b', maxConcurrency: 1 }, 'c');
    const p = pool('rr', members, 'round_robin');

    expect(p.pick(NONE, 0)?.name).toBe('a');
    members[1]!.runtime.acquire();
    expect(p.pick(NONE, 0)?.name).toBe('c');
    members[1]!.runtime.release();
    expect(p.pick(NONE, 0)?.name).toBe('a');
    expect(p.pick(NONE, 0)?.name).toBe('b');
  });

  it('rejects an instance that appears twice', () => {
    const [a] = instances('a');
    const twin = instance({ name: 'a' }, 1);

    expect(() => new PollingPool('p', [a!, twin], builtInStrategySpec('round_robin'), new RoundRobin())).toThrow(
      /appears twice/,
    );
  });

  it('rejects an empty name', () => {
    expect(() => new PollingPool('', instances('a'), builtInStrategySpec('round_robin'), new RoundRobin())).toThrow(
      RangeError,
    );
  });
});
