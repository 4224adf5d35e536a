import { DEFAULT_CIRCUIT_BREAKER } from '../../../src/domain/breaker/circuit-breaker-settings';
import { chatInput } from '../../support/chat-requests';
import { snapshotOf } from '../../support/snapshots';
import { answers, drain, group, hangUntilAborted, pool, RecordingBreaker, routeChat, ScriptedLlm } from './route-chat-fixture';

function served(outcome: Awaited<ReturnType<ReturnType<typeof routeChat>['execute']>>): string | undefined {
  return outcome.kind === 'served' ? outcome.servedBy.instance : undefined;
}

describe('RouteChat resilience', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(1_000_000);
  });
  afterEach(() => jest.useRealTimers());

  it('skips an instance whose requests-per-minute budget is spent, until it refills', async () => {
    const p = pool('p', [{ name: 'a', rpm: 1 }, { name: 'b' }]);
    const chat = routeChat(snapshotOf({ pools: [p], groups: [] }), new ScriptedLlm({ a: () => answers.ok(), b: () => answers.ok() }));
    expect(served(await chat.execute(chatInput('p')))).toBe('a');
    expect(served(await chat.execute(chatInput('p')))).toBe('b');
    expect(served(await chat.execute(chatInput('p')))).toBe('b');
    jest.advanceTimersByTime(60_000);
    const picks = [served(await chat.execute(chatInput('p'))), served(await chat.execute(chatInput('p')))];
    expect(picks).toContain('a');
  });

  it('skips an instance whose token budget cannot pay the estimate, and corrects it from reported usage', async () => {
    const p = pool('p', [{ name: 'a', tpm: 1000 }, { name: 'b' }]);
    const encoder = new TextEncoder();
    const withUsage = (total: number) => ({
      kind: 'completed' as const,
      status: 200,
      contentType: 'application/json',
      body: encoder.encode('{}'),
      usageTokens: total,
    });
    const llm = new ScriptedLlm({ a: () => withUsage(900), b: () => answers.ok() });
    const chat = routeChat(snapshotOf({ pools: [p], groups: [] }), llm);
    const big = { body: { max_tokens: 600 } };
    expect(served(await chat.execute(chatInput('p', false, undefined, big)))).toBe('a');
    // 600+ estimated, corrected to 900 reported: 100 left, so the next 600-token request goes elsewhere.
    expect(served(await chat.execute(chatInput('p', false, undefined, big)))).toBe('b');
    expect(served(await chat.execute(chatInput('p', false, undefined, { body: { max_tokens: 50 } })))).toBe('a');
  });

  it('keeps an instance out of rotation for its Retry-After after a 429', async () => {
    const p = pool('p', [{ name: 'a' }, { name: 'b' }]);
    let first = true;
    const llm = new ScriptedLlm({
      a: () => {
        if (first) {
          first = false;
          return answers.status(429, 'slow down', 5000);
        }
        return answers.ok();
      },
      b: () => answers.ok(),
    });
    const chat = routeChat(snapshotOf({ pools: [p], groups: [] }), llm);
    expect(served(await chat.execute(chatInput('p')))).toBe('b');
    for (let i = 0; i < 4; i += 1) expect(served(await chat.execute(chatInput('p')))).toBe('b');
    expect(llm.calledInstances.filter((name) => name === 'a')).toHaveLength(1);
    jest.advanceTimersByTime(5001);
    const after = [served(await chat.execute(chatInput('p'))), served(await chat.execute(chatInput('p')))];
    expect(after).toContain('a');
  });

  it('takes a misconfigured instance (401) out of rotation, retries it after the reset timeout, and restores it on success', async () => {
    const p = pool('p', [{ name: 'a' }, { name: 'b' }], { ...DEFAULT_CIRCUIT_BREAKER, resetTimeoutMs: 2000 });
    let keyFixed = false;
    const llm = new ScriptedLlm({ a: () => (keyFixed ? answers.ok() : answers.status(401, 'bad key')), b: () => answers.ok() });
    const chat = routeChat(snapshotOf({ pools: [p], groups: [] }), llm);
    expect(served(await chat.execute(chatInput('p')))).toBe('b');
    const a = p.instances[0]!;
    expect(a.runtime.health.kind).toBe('misconfigured');
    expect(a.runtime.failures().get('misconfigured')).toBe(1);
    for (let i = 0; i < 3; i += 1) await chat.execute(chatInput('p'));
    expect(llm.calledInstances.filter((name) => name === 'a')).toHaveLength(1);
    keyFixed = true;
    jest.advanceTimersByTime(2001);
    const after = [served(await chat.execute(chatInput('p'))), served(await chat.execute(chatInput('p')))];
    expect(after).toContain('a');
    expect(a.runtime.health.kind).toBe('healthy');
  });

  it('feeds the breaker: failures, request errors as successes, and no verdict when the client leaves', async () => {
    const breaker = new RecordingBreaker();
    const p = pool('p', [{ name: 'a', breaker }]);
    const script = [answers.status(500), answers.status(400, 'bad parameter'), answers.ok()];
    const chat = routeChat(snapshotOf({ pools: [p], groups: [] }), new ScriptedLlm({ a: () => script.shift() ?? answers.ok() }));
    const once = { limits: { maxAttempts: 1 } };
    await chat.execute(chatInput('p', false, undefined, once));
    await chat.execute(chatInput('p', false, undefined, once));
    await chat.execute(chatInput('p', false, undefined, once));
    expect(breaker.events).toEqual(['acquire', 'failure', 'acquire', 'success', 'acquire', 'success']);

    breaker.events.length = 0;
    const client = new AbortController();
    const hanging = routeChat(snapshotOf({ pools: [p], groups: [] }), new ScriptedLlm({ a: hangUntilAborted }));
    const pending = hanging.execute(chatInput('p', false, client.signal));
    await jest.advanceTimersByTimeAsync(10);
    client.abort();
    await pending;
    expect(breaker.events).toEqual(['acquire', 'release']);
  });

  it('gives a stream its breaker verdict when it ends: success when complete, failure when cut', async () => {
    const breaker = new RecordingBreaker();
    const p = pool('p', [{ name: 'a', breaker }]);
    const streams = [answers.stream(['x', 'y']), answers.stream(['x', 'y', 'z'], 1)];
    const chat = routeChat(snapshotOf({ pools: [p], groups: [] }), new ScriptedLlm({ a: () => streams.shift()! }));
    const whole = await chat.execute(chatInput('p', true));
    expect(breaker.events).toEqual(['acquire']);
    if (whole.kind !== 'served' || whole.response.kind !== 'streaming') throw new Error('expected a stream');
    await drain(whole.response.chunks);
    expect(breaker.events).toEqual(['acquire', 'success']);
    const cut = await chat.execute(chatInput('p', true));
    if (cut.kind !== 'served' || cut.response.kind !== 'streaming') throw new Error('expected a stream');
    await expect(drain(cut.response.chunks)).rejects.toThrow();
    expect(breaker.events).toEqual(['acquire', 'success', 'acquire', 'failure']);
  });

  it('never picks an instance whose breaker is open', async () => {
    const breaker = new RecordingBreaker();
    breaker.open = true;
    const p = pool('p', [{ name: 'a', breaker }, { name: 'b' }]);
    const llm = new ScriptedLlm({ a: () => answers.ok(), b: () => answers.ok() });
    const chat = routeChat(snapshotOf({ pools: [p], groups: [] }), llm);
    for (let i = 0; i < 5; i += 1) expect(served(await chat.execute(chatInput('p')))).toBe('b');
    expect(breaker.events).toEqual([]);
  });

  it('lets the client lower, never raise, the attempt budget and the deadline', async () => {
    const p = pool('p', [{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
    const chat = routeChat(
      snapshotOf({ pools: [p], groups: [group('g', [['t', [p]]], { maxAttempts: 2, timeoutMs: 5000 })] }),
      new ScriptedLlm({ a: () => answers.status(500), b: () => answers.status(500), c: () => answers.status(500) }),
    );
    const lowered = await chat.execute(chatInput('g', false, undefined, { limits: { maxAttempts: 1 } }));
    expect(lowered.kind === 'rejected' && lowered.attempts).toHaveLength(1);
    const raised = await chat.execute(chatInput('g', false, undefined, { limits: { maxAttempts: 10 } }));
    expect(raised.kind === 'rejected' && raised.attempts).toHaveLength(2);

    const slow = routeChat(
      snapshotOf({ pools: [p], groups: [group('g', [['t', [p]]], { timeoutMs: 5000 })] }),
      new ScriptedLlm({ a: hangUntilAborted, b: hangUntilAborted, c: hangUntilAborted }),
    );
    const pending = slow.execute(chatInput('g', false, undefined, { limits: { timeoutMs: 100 } }));
    await jest.advanceTimersByTimeAsync(100);
    const outcome = await pending;
    expect(outcome.kind === 'rejected' && outcome.error.code).toBe('deadline_exceeded');
    expect(outcome.kind === 'rejected' && outcome.error.message).toContain('100 ms');
  });

  it('goes round again on instances that failed transiently, after a full-jitter backoff', async () => {
    const p = pool('p', [{ name: 'a' }]);
    const script = [answers.status(503), answers.status(502), answers.ok()];
    const llm = new ScriptedLlm({ a: () => script.shift()! });
    const snapshot = snapshotOf({ pools: [p], groups: [group('g', [['t', [p]]], { maxAttempts: 3, timeoutMs: 10_000 })] });
    // random() = 0.5: waits 0.5 x 200 ms, then 0.5 x 400 ms (the default backoff: base 200, doubling).
    const chat = routeChat(snapshot, llm, undefined, () => 0.5);
    const pending = chat.execute(chatInput('g'));
    await jest.advanceTimersByTimeAsync(99);
    expect(llm.calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(llm.calls).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(199);
    expect(llm.calls).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    const outcome = await pending;
    expect(llm.calls).toHaveLength(3);
    expect(outcome.kind === 'served' && outcome.attempts).toBe(3);
  });

  it('does not go round again when nothing failed transiently (e.g. the only instance is misconfigured)', async () => {
    const p = pool('p', [{ name: 'a' }]);
    const llm = new ScriptedLlm({ a: () => answers.status(403) });
    const chat = routeChat(snapshotOf({ pools: [p], groups: [group('g', [['t', [p]]], { maxAttempts: 5 })] }), llm);
    const outcome = await chat.execute(chatInput('g'));
    expect(outcome.kind === 'rejected' && outcome.attempts).toHaveLength(1);
    expect(llm.calls).toHaveLength(1);
  });
});
