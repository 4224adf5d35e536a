import { chatInput } from '../../support/chat-requests';
import { snapshotOf } from '../../support/snapshots';
import { answers, drain, group, pool, routeChat, ScriptedLlm } from './route-chat-fixture';

describe('RouteChat tier concurrency limits', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function setUp(overflow: 'next_tier' | 'queue') {
    const front = pool('front', [{ name: 'a' }, { name: 'b' }]);
    const rear = pool('rear', [{ name: 'c' }]);
    const limits = { concurrencyLimit: 1, overflow, queueTimeoutMs: 1000, queueSize: 1 };
    const chat = routeChat(
      snapshotOf({ pools: [front, rear], groups: [group('g', [['t1', [front], limits], ['t2', [rear]]])] }),
      new ScriptedLlm({ a: () => answers.stream(['held']), b: () => answers.ok(), c: () => answers.ok() }),
    );
    return chat;
  }

  it('degrades at once to the next tier while a limited tier is full, and takes requests again once it frees', async () => {
    const chat = setUp('next_tier');
    const held = await chat.execute(chatInput('g', true));
    expect(held.kind === 'served' && held.servedBy.tier).toBe('t1');
    const overflowed = await chat.execute(chatInput('g'));
    expect(overflowed.kind === 'served' && overflowed.servedBy.tier).toBe('t2');
    if (held.kind !== 'served' || held.response.kind !== 'streaming') throw new Error('expected a stream');
    await drain(held.response.chunks);
    const after = await chat.execute(chatInput('g'));
    expect(after.kind === 'served' && after.servedBy.tier).toBe('t1');
    expect(chat.tierGates.snapshot()).toEqual([{ key: 'g.t1', inFlight: 0, waiting: 0, limit: 1 }]);
  });

  it('queues behind a full tier, answers tier_saturated with a retry time when the wait times out or the queue is full', async () => {
    const chat = setUp('queue');
    const held = await chat.execute(chatInput('g', true));
    const waiting = chat.execute(chatInput('g'));
    const rejectedAtOnce = await chat.execute(chatInput('g'));
    expect(rejectedAtOnce.kind === 'rejected' && rejectedAtOnce.error.code).toBe('tier_saturated');
    await jest.advanceTimersByTimeAsync(1000);
    const timedOut = await waiting;
    expect(timedOut.kind === 'rejected' && timedOut.error.code).toBe('tier_saturated');
    expect(timedOut.kind === 'rejected' && timedOut.error.details.retryAfterMs).toBeGreaterThanOrEqual(1000);
    if (held.kind !== 'served' || held.response.kind !== 'streaming') throw new Error('expected a stream');
    await drain(held.response.chunks);
  });

  it('lets a queued request in as soon as the tier frees up', async () => {
    const chat = setUp('queue');
    const held = await chat.execute(chatInput('g', true));
    const waiting = chat.execute(chatInput('g'));
    if (held.kind !== 'served' || held.response.kind !== 'streaming') throw new Error('expected a stream');
    await drain(held.response.chunks);
    const admitted = await waiting;
    expect(admitted.kind === 'served' && admitted.servedBy.tier).toBe('t1');
  });
});
