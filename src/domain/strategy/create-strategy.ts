import { LeastConnections } from './least-connections';
import { LeastLatency } from './least-latency';
import { PowerOfTwoChoices } from './power-of-two-choices';
import { RandomChoice } from './random-choice';
import type { RandomSource } from './random-source';
import { RoundRobin } from './round-robin';
import type { SelectionStrategy } from './selection-strategy';
import { SmoothWeightedRoundRobin } from './smooth-weighted-round-robin';
import type { StrategySpec } from './strategy-spec';

/** Builds a fresh strategy object (with its own state) for one pool. */
export function createStrategy(spec: StrategySpec, random: RandomSource = Math.random): SelectionStrategy {
  switch (spec.kind) {
    case 'round_robin':
      return new RoundRobin();
    case 'weighted':
      return new SmoothWeightedRoundRobin(random);
    case 'least_connections':
      return new LeastConnections(random);
    case 'least_latency':
      return new LeastLatency(random, spec.exploration);
    case 'random':
      return new RandomChoice(random);
    case 'p2c':
      return new PowerOfTwoChoices(random);
    default: {
      const unreachable: never = spec.kind;
      throw new RangeError(`unknown strategy ${String(unreachable)}`);
    }
  }
}
