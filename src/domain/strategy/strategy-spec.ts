import type { StrategyKind } from './selection-strategy';

/** A strategy as configured: a built-in kind with its parameters. Immutable. */
export interface StrategySpec {
  /** The name a pool refers to: a built-in kind or a file under `strategies/`. */
  readonly name: string;
  readonly kind: StrategyKind;
  /** Share of picks made at random by `least_latency`, so a recovered fast instance is found again. */
  readonly exploration: number;
}

export const DEFAULT_EXPLORATION = 0.05;

export function builtInStrategySpec(kind: StrategyKind): StrategySpec {
  return { name: kind, kind, exploration: DEFAULT_EXPLORATION };
}
