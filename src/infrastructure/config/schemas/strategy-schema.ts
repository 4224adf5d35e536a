import type { z } from 'zod';
import { StrategyKindValues } from '../../../domain/strategy/selection-strategy';
import { entityKeys } from './entity-keys';
import { numberBetween, oneOf, strictTable } from './toml-fields';

export const strategySchema = strictTable({
  ...entityKeys(),
  kind: oneOf(StrategyKindValues),
  exploration: numberBetween(0, 1).optional(),
}).superRefine((strategy, context) => {
  if (strategy.exploration !== undefined && strategy.kind !== 'least_latency') {
    context.addIssue({
      code: 'custom',
      path: ['exploration'],
      message: `exploration is allowed only when kind = "least_latency", but kind = "${strategy.kind}"`,
    });
  }
});

export type StrategyDocument = z.output<typeof strategySchema>;
