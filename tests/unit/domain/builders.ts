import { InstanceRuntime } from '../../../src/domain/instance/instance-runtime';
import { PoolInstance } from '../../../src/domain/instance/pool-instance';
import { PollingPool } from '../../../src/domain/pool/polling-pool';
import type { ProviderSpec } from '../../../src/domain/provider/provider-spec';
import { createStrategy } from '../../../src/domain/strategy/create-strategy';
import type { RandomSource } from '../../../src/domain/strategy/random-source';
import type { SelectionStrategy, StrategyKind } from '../../../src/domain/strategy/selection-strategy';
import { builtInStrategySpec } from '../../../src/domain/strategy/strategy-spec';
import { providerSpec } from '../../support/snapshots';

/** mulberry32: a tiny seeded PRNG, so that random-driven tests give the same picks on every run. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns the given values in order and fails loudly when a strategy draws more than the script holds. */
export function scriptedRandom(values: readonly number[]): RandomSource & { readonly remaining: () => number } {
  let next = 0;
  const source = (): number => {
    const value = values[next];
    if (value === undefined) throw new Error(`scripted random exhausted after ${values.length} draws`);
    next += 1;
    return value;
  };
  return Object.assign(source, { remaining: () => values.length - next });
}

export function constantRandom(value: number): RandomSource {
  return () => value;
}

export interface InstanceOptions {
  readonly name: string;
  readonly weight?: number;
  readonly maxConcurrency?: number;
  readonly model?: string;
  readonly provider?: ProviderSpec;
  /** Requests already in flight when the test starts. */
  readonly inFlight?: number;
  /** Latency samples already recorded, oldest first. */
  readonly latencies?: readonly number[];
}

export function instance(options: InstanceOptions, index = 0): PoolInstance {
  const runtime = new InstanceRuntime();
  for (let i = 0; i < (options.inFlight ?? 0); i += 1) runtime.acquire();
  for (const ms of options.latencies ?? []) runtime.recordLatency(ms);
  return new PoolInstance({
    name: options.name,
    provider: options.provider ?? providerSpec(),
    model: options.model ?? 'model-1',
    weight: options.weight ?? 1,
    maxConcurrency: options.maxConcurrency ?? 100,
    index,
    runtime,
  });
}

/** Instances in pool order; a bare string is an instance of weight 1. */
export function instances(...options: readonly (InstanceOptions | string)[]): PoolInstance[] {
  return options.map((option, index) => instance(typeof option === 'string' ? { name: option } : option, index));
}

export function pool(
  name: string,
  members: readonly PoolInstance[],
  kind: StrategyKind = 'round_robin',
  random: RandomSource = Math.random,
): PollingPool {
  const spec = builtInStrategySpec(kind);
  return new PollingPool(name, members, spec, createStrategy(spec, random));
}

/** `times` picks over the same candidates, as instance names. */
export function pickNames(strategy: SelectionStrategy, candidates: readonly PoolInstance[], times: number): string[] {
  const names: string[] = [];
  for (let i = 0; i < times; i += 1) names.push(strategy.pick(candidates).name);
  return names;
}

export function countByName(names: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}
