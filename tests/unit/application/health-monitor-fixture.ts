import type { HealthProbe, ProbeResult } from '../../../src/application/ports/health-probe';
import { DEFAULT_HEALTH_CHECK, type HealthCheckSettings } from '../../../src/domain/health/health-check-settings';
import { InstanceRuntime } from '../../../src/domain/instance/instance-runtime';
import { PoolInstance } from '../../../src/domain/instance/pool-instance';
import { PollingPool } from '../../../src/domain/pool/polling-pool';
import { createStrategy } from '../../../src/domain/strategy/create-strategy';
import { builtInStrategySpec } from '../../../src/domain/strategy/strategy-spec';
import { providerSpec } from '../../support/snapshots';

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

/**
 * An instance named `name`; instances built with the same name share identity, and pass the same
 * `runtime` to share live state as a reload does.
 */
export function member(name: string, options: { runtime?: InstanceRuntime; disabled?: boolean; index?: number } = {}): PoolInstance {
  return new PoolInstance({
    name,
    provider: providerSpec({ name, ...(options.disabled === true ? { disabledReason: 'environment variable KEY is not set' } : {}) }),
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
