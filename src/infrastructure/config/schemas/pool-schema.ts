import type { z } from 'zod';
import { circuitBreakerTable } from './circuit-breaker-schema';
import { entityKeys } from './entity-keys';
import { healthCheckTable } from './health-check-schema';
import { integerAtLeast, nonEmptyText, strictTable, text } from './toml-fields';

const instanceTable = strictTable({
  name: nonEmptyText().optional(),
  provider: nonEmptyText(),
  model: nonEmptyText(),
  weight: integerAtLeast(1).optional(),
  max_concurrency: integerAtLeast(1).optional(),
  rpm: integerAtLeast(1).optional(),
  tpm: integerAtLeast(1).optional(),
});

export type InstanceDocument = z.output<typeof instanceTable>;

const instanceList = instanceTable.array().min(1, { error: 'expected at least one [[instances]] entry' });

export const poolSchema = strictTable({
  ...entityKeys(),
  strategy: text().optional(),
  circuit_breaker: circuitBreakerTable.optional(),
  health_check: healthCheckTable.optional(),
  instances: instanceList,
}).superRefine((pool, context) => {
  const seen = new Map<string, number>();
  pool.instances.forEach((instance, index) => {
    const name = instanceName(instance);
    const first = seen.get(name);
    if (first === undefined) {
      seen.set(name, index);
      return;
    }
    context.addIssue({
      code: 'custom',
      path: ['instances', index, instance.name === undefined ? 'model' : 'name'],
      message: `instance name "${name}" is already used by instances[${first}]; give one of them a distinct name`,
    });
  });
});

export type PoolDocument = z.output<typeof poolSchema>;

/** An instance is named `<provider>/<model>` unless it sets `name`. */
export function instanceName(instance: InstanceDocument): string {
  return instance.name ?? `${instance.provider}/${instance.model}`;
}
