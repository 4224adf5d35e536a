import type { UpstreamCall, UpstreamResult } from '../../../src/application/ports/llm-client';
import type { InstanceBreaker } from '../../../src/domain/breaker/instance-breaker';
import { TaskGroup } from '../../../src/domain/task-group/task-group';
import { UpstreamConnections } from '../../../src/infrastructure/providers/http/upstream-connections';
import { OpenAiCompatibleClient } from '../../../src/infrastructure/providers/openai/openai-compatible-client';
import { chatInput } from '../../support/chat-requests';
import { snapshotOf } from '../../support/snapshots';
import { answers, drain, group, pool, RecordingBreaker, routeChat, ScriptedLlm } from './route-chat-fixture';

function throwing(): UpstreamResult {
  throw new Error('adapter bug');
}

describe('RouteChat: failures of the gateway itself', () => {
  it('a thrown adapter error stops the request with internal_error and leaves the instance untouched', async () => {
    const breaker = new RecordingBreaker();
    const p = pool('p', [{ name: 'a', breaker }, { name: 'b' }]);
    const llm = new ScriptedLlm({ a: throwing, b: () => answers.ok() });
    const outcome = await routeChat(snapshotOf({ pools: [p], groups: [] }), llm).execute(chatInput('p'));
    expect(outcome.kind).toBe('rejected');
    if (outcome.kind !== 'rejected') return;
    expect(outcome.error.code).toBe('internal_error');
    expect(outcome.error.message).toMatch(/could not prepare the request for `p`.*adapter bug/);
    expect(outcome.attempts).toEqual([expect.objectContaining({ instance: 'a', failure: 'gateway_error' })]);
    expect(llm.calledInstances).toEqual(['a']);
    const a = p.instances[0]!;
    expect(breaker.events).toEqual(['acquire', 'release']);
    expect(a.runtime.failures().size).toBe(0);
    expect(a.runtime.health.kind).toBe('healthy');
    expect(a.runtime.cooldownUntil).toBe(0);
    expect(a.runtime.inFlight).toBe(0);
  });

  it('a body the OpenAI adapter cannot serialise is a gateway failure, not a transport one', async () => {
    const connections = new UpstreamConnections();
    const breaker = new RecordingBreaker();
    const p = pool('p', [{ name: 'a', breaker }, { name: 'b' }]);
    const adapter = new OpenAiCompatibleClient(connections);
    const llm = new ScriptedLlm({ a: (call) => adapter.call(call), b: () => answers.ok() });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    try {
      const chat = routeChat(snapshotOf({ pools: [p], groups: [] }), llm);
      const outcome = await chat.execute(chatInput('p', false, undefined, { body: { metadata: circular } }));
      if (outcome.kind !== 'rejected') throw new Error('expected a rejection');
      expect(outcome.error.code).toBe('internal_error');
      expect(outcome.attempts[0]).toMatchObject({ failure: 'gateway_error', message: expect.stringMatching(/could not prepare the upstream request/) });
      expect(breaker.events).toEqual(['acquire', 'release']);
      expect(p.instances[0]!.runtime.failures().size).toBe(0);
      expect(llm.calledInstances).toEqual(['a']);
    } finally {
      await connections.close();
    }
  });
});

describe('RouteChat: max_stream_ms', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(1_000_000);
  });
  afterEach(() => jest.useRealTimers());

  /** A stream that sends one chunk every 2 s until its call is aborted. */
  function trickle(call: UpstreamCall): UpstreamResult {
    const encoder = new TextEncoder();
    async function* produce(): AsyncGenerator<Uint8Array> {
      for (;;) {
        yield encoder.encode('data: {"x":1}\n\n');
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, 2000);
          call.signal.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(call.signal.reason as Error);
          }, { once: true });
        });
      }
    }
    return { kind: 'streaming', status: 200, contentType: 'text/event-stream', chunks: produce() };
  }

  function groupWithStreamLimit(maxStreamMs: number | undefined, breaker: InstanceBreaker) {
    const p = pool('p', [{ name: 'a', breaker }]);
    const base = group('chat', [['only', [p]]]);
    const chat = new TaskGroup({ name: 'chat', tiers: base.tiers, maxAttempts: 3, timeoutMs: 5000, fallbackGroups: [], ...(maxStreamMs !== undefined ? { maxStreamMs } : {}) });
    return { p, snapshot: snapshotOf({ pools: [p], groups: [chat] }) };
  }

  it('ends a trickling stream once max_stream_ms has passed since the request started, as a failure of the instance', async () => {
    const breaker = new RecordingBreaker();
    const { p, snapshot } = groupWithStreamLimit(5000, breaker);
    const outcome = await routeChat(snapshot, new ScriptedLlm({ a: trickle })).execute(chatInput('chat', true));
    if (outcome.kind !== 'served' || outcome.response.kind !== 'streaming') throw new Error('not a stream');
    const read = drain(outcome.response.chunks);
    const settled = read.then(() => 'ended', (error: Error) => error.message);
    await jest.advanceTimersByTimeAsync(4999);
    await jest.advanceTimersByTimeAsync(2);
    expect(await settled).toMatch(/max_stream_ms \(5000 ms/);
    expect(breaker.events).toEqual(['acquire', 'failure']);
    expect(p.instances[0]!.runtime.failures().get('transient')).toBe(1);
    expect(p.instances[0]!.runtime.inFlight).toBe(0);
  });

  it('creates no timer for a served stream when max_stream_ms is unset', async () => {
    const { snapshot } = groupWithStreamLimit(undefined, new RecordingBreaker());
    const llm = new ScriptedLlm({ a: () => answers.stream(['data: {"x":1}\n\n', 'data: [DONE]\n\n']) });
    const outcome = await routeChat(snapshot, llm).execute(chatInput('chat', true));
    expect(outcome.kind).toBe('served');
    expect(jest.getTimerCount()).toBe(0);
    if (outcome.kind === 'served' && outcome.response.kind === 'streaming') await drain(outcome.response.chunks);
  });
});

describe('RouteChat: why no instance was available', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(1_000_000);
  });
  afterEach(() => jest.useRealTimers());

  it('names, for each instance of the plan, why it could not be called', async () => {
    const openBreaker: InstanceBreaker = {
      state: () => ({ kind: 'open', openedAt: 995_000, trialAt: 1_005_000, openings: 1 }),
      isCallable: () => false,
      tryAcquire: () => false,
      recordSuccess: () => undefined,
      recordFailure: () => undefined,
      releaseWithoutOutcome: () => undefined,
      dispose: () => undefined,
    };
    const p = pool('p', [
      { name: 'open', breaker: openBreaker },
      { name: 'busy', maxConcurrency: 1 },
      { name: 'off', disabled: true },
      { name: 'cool' },
      { name: 'sick' },
    ]);
    const [, busy, , cool, sick] = p.instances;
    busy!.runtime.acquire();
    cool!.runtime.coolDownUntil(1_003_000);
    sick!.runtime.setHealth({ kind: 'unhealthy', since: 0, reason: 'health check timed out' });
    const chat = group('chat', [['only', [p]]]);
    const llm = new ScriptedLlm({});
    const outcome = await routeChat(snapshotOf({ pools: [p], groups: [chat] }), llm).execute(chatInput('chat'));
    expect(outcome.kind === 'rejected' && outcome.error.code).toBe('all_attempts_failed');
    const message = outcome.kind === 'rejected' ? outcome.error.message : '';
    expect(message).toContain('only/p/open: breaker open until 1970-01-01T00:16:45.000Z (in 5000 ms)');
    expect(message).toContain('only/p/busy: at its concurrency limit (1 of 1 in flight)');
    expect(message).toContain('only/p/off: disabled (environment variable KEY is not set)');
    expect(message).toContain('only/p/cool: cooling down (Retry-After) for 3000 ms');
    expect(message).toContain('only/p/sick: unhealthy (health check timed out)');
    expect(message).not.toContain('all disabled or at their concurrency limit');
    expect(llm.calls).toHaveLength(0);
  });
});
