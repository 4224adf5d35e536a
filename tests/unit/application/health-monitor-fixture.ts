import { TEST_SERVER_SETTINGS } from '../../support/server-settings';
import type { GatewaySnapshot } from '../../../src/application/config/gateway-snapshot';
import type { Clock } from '../../../src/application/ports/clock';
import type { HealthProbe, ProbeResult } from '../../../src/application/ports/health-probe';
import type { LogFields, Logger } from '../../../src/application/ports/logger';
import { DEFAULT_HEALTH_CHECK, type HealthCheckSettings } from '../../../src/domain/health/health-check-settings';
import { InstanceRuntime } from '../../../src/domain/instance/instance-runtime';
import { PoolInstance } from '../../../src/domain/instance/pool-instance';
import { PollingPool } from '../../../src/domain/pool/polling-pool';
import type { ProviderSpec } from '../../../src/domain/provider/provider-spec';
import { RoutingTable } from '../../../src/domain/routing/routing-table';
import { createStrategy } from '../../../src/domain/strategy/create-strategy';
import { builtInStrategySpec } from '../../../src/domain/strategy/strategy-spec';

/** Checks every 1000 ms exactly (no jitter), 200 ms timeout, two in a row either way. */
export const CHECKS: HealthCheckSettings = {
  ...DEFAULT_HEALTH_CHECK,
  enabled: true,
  intervalMs: 1000,
  timeoutMs: 200,
  jitterRatio: 0,
  healthyThreshold: 2,
  unhealthyThreshold: 2,
};

/** A clock on jest's fake timers. */
export const fakeTimersClock: Clock = {
  now: () => Date.now(),
  schedule: (ms, callback) => {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};

function providerNamed(name: string, disabledReason?: string): ProviderSpec {
  return {
    name,
    protocol: 'openai',
    baseUrl: `http://127.0.0.1:1/${name}/v1`,
    headers: {},
    connectTimeoutMs: 1000,
    requestTimeoutMs: 1000,
    idleTimeoutMs: 1000,
    maxConnections: 4,
    maxResponseBytes: 32 * 1024 * 1024,
    ...(disabledReason !== undefined ? { disabledReason } : {}),
  };
}

/**
 * An instance named `name`; instances built with the same name share identity, and pass the same
 * `runtime` to share live state as a reload does.
 */
export function member(name: string, options: { runtime?: InstanceRuntime; disabled?: boolean; index?: number } = {}): PoolInstance {
  return new PoolInstance({
    name,
    provider: providerNamed(name, options.disabled === true ? 'environment variable KEY is not set' : undefined),
    model: 'model-1',
    weight: 1,
    maxConcurrency: 8,
    index: options.index ?? 0,
    runtime: options.runtime ?? new InstanceRuntime(),
  });
}

export function checkedPool(name: string, members: readonly PoolInstance[], settings: HealthCheckSettings = CHECKS): PollingPool {
  const spec = builtInStrategySpec('round_robin');
  return new PollingPool(name, members, spec, createStrategy(spec), undefined, settings);
}

export function snapshotOf(...pools: readonly PollingPool[]): GatewaySnapshot {
  const byName = new Map(pools.map((pool) => [pool.name, pool]));
  return {
    version: 'test',
    loadedAt: new Date(0),
    configDir: '/nowhere',
    server: TEST_SERVER_SETTINGS,
    providers: new Map(),
    pools: byName,
    groups: new Map(),
    wrappers: new Map(),
    routes: new RoutingTable({
      pools: byName,
      groups: new Map(),
      wrappers: new Map(),
      aliases: new Map(),
      poolDefaults: { maxAttempts: 3, timeoutMs: 1000 },
    }),
    warnings: [],
  };
}

export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly message: string;
  readonly fields: LogFields;
}

export function recordingLogger(): Logger & { readonly lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (message: string, fields: LogFields = {}) => {
    lines.push({ level, message, fields });
  };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

type Answer = (signal: AbortSignal) => Promise<ProbeResult>;

/**
 * A probe whose answer per instance name can be changed at any time; records every call with the
 * (fake) time it started.
 */
export function scriptedProbe(initial: ProbeResult = { ok: true }) {
  const answers = new Map<string, Answer>();
  const calls: { readonly instance: string; readonly at: number; readonly signal: AbortSignal }[] = [];
  const probe: HealthProbe = {
    probe: (instance, _settings, signal) => {
      calls.push({ instance: instance.name, at: Date.now(), signal });
      const answer = answers.get(instance.name);
      return answer === undefined ? Promise.resolve(initial) : answer(signal);
    },
  };
  return {
    probe,
    calls,
    callsOf: (name: string) => calls.filter((call) => call.instance === name),
    answer(name: string, answer: ProbeResult | Answer): void {
      answers.set(name, typeof answer === 'function' ? answer : () => Promise.resolve(answer));
    },
  };
}

export const FAIL: ProbeResult = { ok: false, status: 503, message: 'upstream answered 503' };
export const PASS: ProbeResult = { ok: true };
