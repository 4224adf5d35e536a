import { StrategyKindValues } from '../../../domain/strategy/selection-strategy';
import { builtInStrategySpec, DEFAULT_EXPLORATION, type StrategySpec } from '../../../domain/strategy/strategy-spec';
import type { StrategyDocument } from '../schemas/strategy-schema';

export function buildStrategySpec(name: string, strategy: StrategyDocument): StrategySpec {
  return { name, kind: strategy.kind, exploration: strategy.exploration ?? DEFAULT_EXPLORATION };
}

/** A built-in kind, else a named strategy from strategies/; undefined when neither exists. */
export function lookUpStrategy(name: string, named: ReadonlyMap<string, StrategySpec>): StrategySpec | undefined {
  const builtIn = StrategyKindValues.find((kind) => kind === name);
  return builtIn === undefined ? named.get(name) : builtInStrategySpec(builtIn);
}
