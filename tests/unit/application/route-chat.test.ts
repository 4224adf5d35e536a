import { chatInput } from '../../support/chat-requests';
import { snapshotOf } from '../../support/snapshots';
import { answers, drain, group, hangUntilAborted, pool, routeChat, ScriptedLlm } from './route-chat-fixture';

function twoTierSnapshot(options: { maxAttempts?: number; timeoutMs?: number } = {}) {
  const fast = pool('fast', [{ name: 'a' }, { name: 'b' }]);
  const slow = pool('slow', [{ name: 'c' }]);
  const chat = group('chat', [['primary', [fast]], ['backup', [slow]]], options);
  return { fast, slow, snapshot: snapshotOf({ pools: [fast, slow], groups: [chat] }) };
}

describe('RouteChat', () => {
  it('serves from the first tier and reports what served', async () => {
    const { snapshot } = twoTierSnapshot();
    const llm = new ScriptedLlm({ a: () => answers.ok(), b: () => answers.ok() });
    const outcome = await routeChat(snapshot, llm).execute(chatInput('chat'));
    expect(outcome.kind).toBe('served');
    if (outcome.kind !== 'served') return;
    expect(outcome.servedBy).toEqual({ group: 'chat', tier: 'primary', pool: 'fast', instance: 'a' });
    expect(outcome.attempts).toBe(1);
  });

  it('rotates to another instance of the tier after a 5xx, a 429 or a refused connection', async () => {
    for (const failure of [answers.status(500), answers.status(429), answers.refused()]) {
      const { snapshot } = twoTierSnapshot();
      const llm = new ScriptedLlm({ a: () => failure, b: () => answers.ok() });
      const outcome = await routeChat(snapshot, llm).execute(chatInput('chat'));
      expect(llm.calledInstances).toEqual(['a', 'b']);
      expect(outcome.kind === 'served' && outcome.servedBy.instance).toBe('b');
      expect(outcome.kind === 'served' && outcome.attempts).toBe(2);
    }
  });

  it('degrades to the next tier when every instance of a tier failed', async () => {
    const { snapshot } = twoTierSnapshot();
    const llm = new ScriptedLlm({ a: () => answers.status(503), b: () => answers.status(502), c: () => answers.ok() });
    const outcome = await routeChat(snapshot, llm).execute(chatInput('chat'));
    expect(llm.calledInstances).toEqual(['a', 'b', 'c']);
    expect(outcome.kind === 'served' && outcome.servedBy).toEqual({ group: 'chat', tier: 'backup', pool: 'slow', instance: 'c' });
  });

  it('returns a request error (400, 413, 422) to the client at once, with the upstream answer', async () => {
    for (const status of [400, 413, 422]) {
      const { snapshot } = twoTierSnapshot();
      const llm = new ScriptedLlm({ a: () => answers.status(status, 'bad temperature'), b: () => answers.ok() });
      const outcome = await routeChat(snapshot, llm).execute(chatInput('chat'));
      expect(llm.calledInstances).toEqual(['a']);
      expect(outcome.kind).toBe('rejected');
      if (outcome.kind !== 'rejected') return;
      expect(outcome.error.code).toBe('upstream_rejected');
      expect(outcome.error.details.status).toBe(status);
      expect(outcome.upstreamResponse?.status).toBe(status);
    }
  });

  it('skips the rest of a tier on a context-length error and goes to the next tier', async () => {
    const { snapshot } = twoTierSnapshot();
    const llm = new ScriptedLlm({
      a: () => answers.status(400, "This model's maximum context length is 8192 tokens"),
      b: () => answers.ok(),
      c: () => answers.ok(),
    });
    const outcome = await routeChat(snapshot, llm).execute(chatInput('chat'));
    expect(llm.calledInstances).toEqual(['a', 'c']);
    expect(outcome.kind === 'served' && outcome.servedBy.tier).toBe('backup');
  });

  it('stops at max_attempts and lists every attempt with its class and status', async () => {
    const { snapshot } = twoTierSnapshot({ maxAttempts: 2 });
    const llm = new ScriptedLlm({ a: () => answers.status(500), b: () => answers.refused(), c: () => answers.ok() });
    const outcome = await routeChat(snapshot, llm).execute(chatInput('chat'));
    expect(llm.calledInstances).toEqual(['a', 'b']);
    expect(outcome.kind).toBe('rejected');
    if (outcome.kind !== 'rejected') return;
    expect(outcome.error.code).toBe('all_attempts_failed');
    expect(outcome.attempts).toEqual([
      { instance: 'a', pool: 'fast', tier: 'primary', failure: 'transient', status: 500, message: 'status 500' },
      { instance: 'b', pool: 'fast', tier: 'primary', failure: 'transient', message: 'ECONNREFUSED' },
    ]);
    expect(outcome.error.message).toContain('primary/fast/a: transient (500)');
  });

  it('answers model_not_found for a name nothing defines', async () => {
    const { snapshot } = twoTierSnapshot();
    const outcome = await routeChat(snapshot, new ScriptedLlm({})).execute(chatInput('nope'));
    expect(outcome.kind === 'rejected' && outcome.error.code).toBe('model_not_found');
  });

  it('skips disabled instances, and says so when nothing is left to try', async () => {
    const only = pool('only', [{ name: 'x', disabled: true }, { name: 'y' }]);
    const dead = pool('dead', [{ name: 'z', disabled: true }]);
    const snapshot = snapshotOf({ pools: [only, dead], groups: [] });
    const llm = new ScriptedLlm({ y: () => answers.ok() });
    const served = await routeChat(snapshot, llm).execute(chatInput('only'));
    expect(served.kind === 'served' && served.servedBy.instance).toBe('y');
    const rejected = await routeChat(snapshot, llm).execute(chatInput('dead'));
    expect(rejected.kind === 'rejected' && rejected.error.code).toBe('all_attempts_failed');
    expect(rejected.kind === 'rejected' && rejected.error.message).toContain('no instance was available');
  });

  it('pins one tier with group.tier', async () => {
    const { snapshot } = twoTierSnapshot();
    const llm = new ScriptedLlm({ c: () => answers.ok() });
    const outcome = await routeChat(snapshot, llm).execute(chatInput('chat.backup'));
    expect(llm.calledInstances).toEqual(['c']);
    expect(outcome.kind === 'served' && outcome.servedBy.tier).toBe('backup');
  });

  it('tries fallback groups after the last tier and reports the group that served', async () => {
    const p1 = pool('p1', [{ name: 'a' }]);
    const p2 = pool('p2', [{ name: 'b' }]);
    const main = group('main', [['only', [p1]]], { fallbackGroups: ['spare'] });
    const spare = group('spare', [['t', [p2]]]);
    const llm = new ScriptedLlm({ a: () => answers.status(500), b: () => answers.ok() });
    const outcome = await routeChat(snapshotOf({ pools: [p1, p2], groups: [main, spare] }), llm).execute(chatInput('main'));
    expect(outcome.kind === 'served' && outcome.servedBy).toEqual({ group: 'spare', tier: 't', pool: 'p2', instance: 'b' });
  });

  it('applies wrapper defaults where the client set nothing and overrides always', async () => {
    const { fast, slow } = twoTierSnapshot();
    const chat = group('chat', [['primary', [fast]], ['backup', [slow]]]);
    const snapshot = snapshotOf({
      pools: [fast, slow],
      groups: [chat],
      wrappers: [{ name: 'careful', target: 'chat', defaults: { temperature: 0.1, top_p: 0.5 }, overrides: { max_tokens: 9 } }],
    });
    const llm = new ScriptedLlm({ a: () => answers.ok() });
    const request = chatInput('careful');
    const body = { ...request.payload.body, top_p: 0.9, max_tokens: 5000 };
    await routeChat(snapshot, llm).execute({ ...request, payload: { protocol: 'openai', body } });
    expect(llm.calls[0]?.payload.body).toMatchObject({ temperature: 0.1, top_p: 0.9, max_tokens: 9 });
    expect(body.max_tokens).toBe(5000);
  });

  it('releases the in-flight slot after success and failure', async () => {
    const { snapshot, fast, slow } = twoTierSnapshot();
    const llm = new ScriptedLlm({ a: () => answers.refused(), b: () => answers.status(500), c: () => answers.ok() });
    const outcome = await routeChat(snapshot, llm).execute(chatInput('chat'));
    expect(outcome.kind).toBe('served');
    for (const instance of [...fast.instances, ...slow.instances]) expect(instance.runtime.inFlight).toBe(0);
  });

  it('releases the in-flight slot after a thrown adapter error, and stops there', async () => {
    const { snapshot, fast, slow } = twoTierSnapshot();
    const llm = new ScriptedLlm({
      a: () => {
        throw new Error('adapter bug');
      },
      b: () => answers.ok(),
      c: () => answers.ok(),
    });
    const outcome = await routeChat(snapshot, llm).execute(chatInput('chat'));
    expect(outcome.kind === 'rejected' && outcome.error.code).toBe('internal_error');
    expect(llm.calledInstances).toEqual(['a']);
    for (const instance of [...fast.instances, ...slow.instances]) expect(instance.runtime.inFlight).toBe(0);
  });

  it('holds the slot while a stream is read and releases it when the stream ends or is abandoned', async () => {
    const { snapshot, fast } = twoTierSnapshot();
    const a = fast.instances[0]!;
    const llm = new ScriptedLlm({ a: () => answers.stream(['one ', 'two']), b: () => answers.stream(['three']) });
    const finished = await routeChat(snapshot, llm).execute(chatInput('chat', true));
    expect(a.runtime.inFlight).toBe(1);
    if (finished.kind !== 'served' || finished.response.kind !== 'streaming') throw new Error('expected a stream');
    expect(await drain(finished.response.chunks)).toBe('one two');
    expect(a.runtime.inFlight).toBe(0);

    const abandoned = await routeChat(snapshot, llm).execute(chatInput('chat', true));
    if (abandoned.kind !== 'served' || abandoned.response.kind !== 'streaming') throw new Error('expected a stream');
    expect(abandoned.servedBy.instance).toBe('b');
    const instance = fast.instances[1]!;
    expect(instance.runtime.inFlight).toBe(1);
    await abandoned.response.chunks[Symbol.asyncIterator]().return?.();
    expect(instance.runtime.inFlight).toBe(0);
  });

  it('fails over when a stream dies before its first chunk, but not after', async () => {
    const { snapshot } = twoTierSnapshot();
    const llm = new ScriptedLlm({ a: () => answers.stream(['x'], 0), b: () => answers.stream(['first ', 'second'], 1) });
    const outcome = await routeChat(snapshot, llm).execute(chatInput('chat', true));
    expect(llm.calledInstances).toEqual(['a', 'b']);
    if (outcome.kind !== 'served' || outcome.response.kind !== 'streaming') throw new Error('expected a stream');
    await expect(drain(outcome.response.chunks)).rejects.toThrow('socket hang up');
  });

  it('skips an instance at its concurrency limit instead of waiting for it', async () => {
    const capped = pool('capped', [{ name: 'a', maxConcurrency: 1 }, { name: 'b' }]);
    const snapshot = snapshotOf({ pools: [capped], groups: [] });
    const llm = new ScriptedLlm({ a: () => answers.stream(['held']), b: () => answers.ok() });
    const first = await routeChat(snapshot, llm).execute(chatInput('capped', true));
    expect(first.kind === 'served' && first.servedBy.instance).toBe('a');
    const second = await routeChat(snapshot, llm).execute(chatInput('capped', false));
    expect(second.kind === 'served' && second.servedBy.instance).toBe('b');
  });

  describe('deadline and client abort', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('gives up at the deadline with deadline_exceeded, listing the attempt it abandoned', async () => {
      const { snapshot } = twoTierSnapshot({ timeoutMs: 2000 });
      const llm = new ScriptedLlm({ a: hangUntilAborted, b: hangUntilAborted, c: hangUntilAborted });
      const pending = routeChat(snapshot, llm).execute(chatInput('chat'));
      await jest.advanceTimersByTimeAsync(2000);
      const outcome = await pending;
      expect(outcome.kind === 'rejected' && outcome.error.code).toBe('deadline_exceeded');
      expect(outcome.kind === 'rejected' && outcome.attempts.map((a) => a.failure)).toEqual(['aborted']);
    });

    it('stops when the client goes away', async () => {
      const { snapshot, fast } = twoTierSnapshot();
      const llm = new ScriptedLlm({ a: hangUntilAborted, b: hangUntilAborted });
      const client = new AbortController();
      const pending = routeChat(snapshot, llm).execute(chatInput('chat', false, client.signal));
      await jest.advanceTimersByTimeAsync(10);
      client.abort();
      const outcome = await pending;
      expect(outcome.kind === 'rejected' && outcome.error.code).toBe('client_closed');
      expect(llm.calledInstances).toEqual(['a']);
      expect(fast.instances.map((i) => i.runtime.inFlight)).toEqual([0, 0]);
    });
  });
});
