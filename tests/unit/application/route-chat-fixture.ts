import type { GatewaySnapshot } from '../../../src/application/config/gateway-snapshot';
import type { LlmClient, UpstreamCall, UpstreamResult } from '../../../src/application/ports/llm-client';
import type { Logger } from '../../../src/application/ports/logger';
import { RouteChat } from '../../../src/application/route-chat/route-chat';
import { DEFAULT_CIRCUIT_BREAKER } from '../../../src/domain/breaker/circuit-breaker-settings';
import type { InstanceBreaker } from '../../../src/domain/breaker/instance-breaker';
import { InstanceRuntime } from '../../../src/domain/instance/instance-runtime';
import { PoolInstance } from '../../../src/domain/instance/pool-instance';
import { PollingPool } from '../../../src/domain/pool/polling-pool';
import type { ProviderSpec } from '../../../src/domain/provider/provider-spec';
import { createStrategy } from '../../../src/domain/strategy/create-strategy';
import { builtInStrategySpec } from '../../../src/domain/strategy/strategy-spec';
import { TaskGroup } from '../../../src/domain/task-group/task-group';
import type { TierLimits } from '../../../src/domain/task-group/tier-overflow';
import { silentLogger } from '../../support/capturing-logger';
import { globalTimersClock } from '../../support/fake-clock';
import { providerSpec } from '../../support/snapshots';

export interface InstanceSketch {
  readonly name: string;
  readonly disabled?: boolean;
  readonly maxConcurrency?: number;
  readonly rpm?: number;
  readonly tpm?: number;
  readonly breaker?: InstanceBreaker;
}

/** An openai provider on port 1 (always refused), should a test hand a call to a real adapter. */
function providerOf(sketch: InstanceSketch): ProviderSpec {
  return providerSpec({
    name: sketch.name,
    protocol: 'openai',
    baseUrl: `http://127.0.0.1:1/${sketch.name}`,
    ...(sketch.disabled === true ? { disabledReason: 'environment variable KEY is not set' } : {}),
  });
}

export function pool(name: string, instances: readonly InstanceSketch[], circuitBreaker = DEFAULT_CIRCUIT_BREAKER): PollingPool {
  const spec = builtInStrategySpec('round_robin');
  return new PollingPool(
    name,
    instances.map(
      (sketch, index) =>
        new PoolInstance({
          name: sketch.name,
          provider: providerOf(sketch),
          model: `model-${sketch.name}`,
          weight: 1,
          maxConcurrency: sketch.maxConcurrency ?? 8,
          ...(sketch.rpm !== undefined ? { rpm: sketch.rpm } : {}),
          ...(sketch.tpm !== undefined ? { tpm: sketch.tpm } : {}),
          index,
          runtime: new InstanceRuntime(0.3, sketch.breaker),
        }),
    ),
    spec,
    createStrategy(spec),
    circuitBreaker,
  );
}

export function group(
  name: string,
  tiers: readonly (readonly [string, readonly PollingPool[], TierLimits?])[],
  options: { maxAttempts?: number; timeoutMs?: number; fallbackGroups?: string[] } = {},
): TaskGroup {
  return new TaskGroup({
    name,
    tiers: tiers.map(([tierName, pools, limits]) => ({ name: tierName, pools, ...(limits !== undefined ? { limits } : {}) })),
    maxAttempts: options.maxAttempts ?? 10,
    timeoutMs: options.timeoutMs ?? 5000,
    fallbackGroups: options.fallbackGroups ?? [],
  });
}

const encoder = new TextEncoder();

export const answers = {
  ok(text = 'ok'): UpstreamResult {
    return { kind: 'completed', status: 200, contentType: 'application/json', body: encoder.encode(JSON.stringify({ text })) };
  },
  status(status: number, message = `status ${status}`, retryAfterMs?: number): UpstreamResult {
    const body = encoder.encode(JSON.stringify({ error: { message } }));
    return {
      kind: 'failed',
      reason: 'http_status',
      status,
      message,
      response: { kind: 'completed', status, contentType: 'application/json', body },
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  },
  refused(): UpstreamResult {
    return { kind: 'failed', reason: 'connect', message: 'ECONNREFUSED' };
  },
  stream(chunks: readonly string[], failAfter?: number): UpstreamResult {
    async function* produce(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < chunks.length; i += 1) {
        if (failAfter !== undefined && i >= failAfter) throw new Error('socket hang up');
        yield encoder.encode(chunks[i] as string);
      }
    }
    return { kind: 'streaming', status: 200, contentType: 'text/event-stream', chunks: produce() };
  },
};

type Script = (call: UpstreamCall) => UpstreamResult | Promise<UpstreamResult>;

/** An LLM client answering from a script per instance name, recording every call. */
export class ScriptedLlm implements LlmClient {
  public readonly calls: UpstreamCall[] = [];

  public constructor(private readonly scripts: Readonly<Record<string, Script>>) {}

  public async call(call: UpstreamCall): Promise<UpstreamResult> {
    this.calls.push(call);
    const script = this.scripts[call.instance.name];
    if (script === undefined) throw new Error(`no script for ${call.instance.name}`);
    return script(call);
  }

  public get calledInstances(): string[] {
    return this.calls.map((call) => call.instance.name);
  }

  public retainConnections(): void {}

  public async close(): Promise<void> {}
}

export function routeChat(
  snapshot: GatewaySnapshot,
  llm: LlmClient,
  logger: Logger = silentLogger,
  random: () => number = Math.random,
): RouteChat {
  return new RouteChat({ current: () => snapshot }, llm, globalTimersClock, logger, random);
}

/** A breaker whose verdicts are recorded and whose gate the test opens and closes. */
export class RecordingBreaker implements InstanceBreaker {
  public readonly events: string[] = [];
  public open = false;

  public state() {
    return this.open ? { kind: 'open' as const, openedAt: 0, trialAt: 0, openings: 1 } : { kind: 'closed' as const };
  }
  public isCallable(): boolean {
    return !this.open;
  }
  public tryAcquire(): boolean {
    this.events.push('acquire');
    return !this.open;
  }
  public recordSuccess(): void {
    this.events.push('success');
  }
  public recordFailure(): void {
    this.events.push('failure');
  }
  public releaseWithoutOutcome(): void {
    this.events.push('release');
  }
  public dispose(): void {}
}

/** Waits until a promise-producing condition is reached without timers (fake-timer safe). */
export function hangUntilAborted(call: UpstreamCall): Promise<UpstreamResult> {
  return new Promise((resolve) => {
    call.signal.addEventListener('abort', () => resolve({ kind: 'failed', reason: 'aborted', message: 'aborted' }), {
      once: true,
    });
  });
}

export async function drain(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of chunks) text += decoder.decode(chunk);
  return text;
}
