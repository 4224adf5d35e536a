import { z } from 'zod';
import { describeValue } from '../describe-value';
import { DEFAULT_MAX_CONFIG_FILE_BYTES } from '../config-tree-limits';
import { circuitBreakerTable } from './circuit-breaker-schema';
import { healthCheckTable } from './health-check-schema';
import { expecting, flag, integerAtLeast, integerBetween, nonEmptyText, oneOf, strictTable } from './toml-fields';

export const StateBackendValues = ['memory'] as const;

const serverTable = strictTable({
  host: nonEmptyText().default('127.0.0.1'),
  port: integerBetween(0, 65535).default(8080),
  body_limit_bytes: integerAtLeast(1024).default(1048576),
  max_json_depth: integerBetween(1, 1000).default(64),
  request_read_timeout_ms: integerAtLeast(100).default(30000),
  max_connections: integerAtLeast(1).default(4096),
  max_config_file_bytes: integerAtLeast(1024).default(DEFAULT_MAX_CONFIG_FILE_BYTES),
  request_log: flag().default(true),
  allowed_hosts: z.array(nonEmptyText(), { error: expecting('an array of host names') }).default([]),
});

const defaultsTable = strictTable({
  strategy: nonEmptyText().default('round_robin'),
  max_attempts: integerAtLeast(1).default(3),
  timeout_ms: integerAtLeast(1).default(60000),
  retry_backoff_ms: integerAtLeast(0).default(200),
  retry_backoff_max_ms: integerAtLeast(0).default(2000),
  weight: integerAtLeast(1).default(1),
  max_concurrency: integerAtLeast(1).default(64),
  connect_timeout_ms: integerAtLeast(1).default(5000),
  request_timeout_ms: integerAtLeast(1).default(60000),
  idle_timeout_ms: integerAtLeast(1).default(30000),
  max_connections: integerAtLeast(1).default(64),
  max_response_bytes: integerAtLeast(1024).default(33554432),
  circuit_breaker: circuitBreakerTable.optional(),
  health_check: healthCheckTable.optional(),
});

const stateTable = strictTable({
  backend: oneOf(StateBackendValues, (input) =>
    input === undefined ? undefined : `only "memory" is supported today, got ${describeValue(input)}`,
  ).default('memory'),
});

/** `_registry.toml`; every section is optional and a missing file means all defaults. */
export const registrySchema = strictTable({
  server: serverTable.prefault({}),
  defaults: defaultsTable.prefault({}),
  aliases: z.record(z.string(), nonEmptyText(), { error: expecting('a table of alias = "target name"') }).prefault({}),
  state: stateTable.prefault({}),
});

export type RegistryDocument = z.output<typeof registrySchema>;
export type RegistryDefaults = RegistryDocument['defaults'];
