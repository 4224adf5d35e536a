import type { TierEntry } from '../../../src/application/route-chat/tier-entry';
import { TierGates } from '../../../src/application/route-chat/tier-gates';
import type { TierLimits } from '../../../src/domain/task-group/tier-overflow';
import { globalTimersClock } from '../../support/fake-clock';

function limits(concurrencyLimit: number | undefined, overrides: Partial<TierLimits> = {}): TierLimits {
  return { concurrencyLimit, overflow: 'next_tier', queueTimeoutMs: 5000, queueSize: 100, ...overrides };
}

function queueing(concurrencyLimit: number, overrides: Partial<TierLimits> = {}): TierLimits {
  return limits(concurrencyLimit, { overflow: 'queue', ...overrides });
}

/** A pending entry whose outcome can be inspected without awaiting it. */
interface Tracked {
  result: TierEntry | undefined;
}

function track(promise: Promise<TierEntry>): Tracked {
  const tracked: Tracked = { result: undefined };
  void promise.then((entry) => {
    tracked.result = entry;
  });
  return tracked;
}

/** Lets resolved promises deliver their values. */
async function settle(): Promise<void> {
  await jest.advanceTimersByTimeAsync(0);
}

function leaveOf(entry: TierEntry | undefined): () => void {
  if (entry?.kind !== 'entered') throw new Error(`expected an entered result, got ${JSON.stringify(entry)}`);
  return entry.leave;
}

const never = new AbortController().signal;

describe('TierGates', () => {
  let gates: TierGates;

  beforeEach(() => {
    jest.useFakeTimers();
    gates = new TierGates(globalTimersClock);
  });

  afterEach(() => jest.useRealTimers());

  function enter(tierLimits: TierLimits | undefined, signal: AbortSignal = never, key: [string, string] = ['chat', 'primary']) {
    return gates.enter(key[0], key[1], tierLimits, signal);
  }

  it('lets every request into an unlimited tier at once, sharing one result, and keeps no gate for it', async () => {
    const entries = await Promise.all(Array.from({ length: 50 }, () => enter(undefined)));
    expect(entries.every((entry) => entry.kind === 'entered')).toBe(true);
    expect(new Set(entries).size).toBe(1);
    expect(await enter(limits(undefined))).toBe(entries[0]);
    leaveOf(entries[0])();
    expect(gates.snapshot()).toEqual([]);
  });

  it('overflows at once when the limit is reached, and admits again once someone leaves', async () => {
    const first = await enter(limits(2));
    const second = await enter(limits(2));
    expect([first.kind, second.kind]).toEqual(['entered', 'entered']);
    expect(await enter(limits(2))).toEqual({ kind: 'overflow' });
    expect(gates.snapshot()).toEqual([{ key: 'chat.primary', inFlight: 2, waiting: 0, limit: 2 }]);

    leaveOf(first)();
    expect((await enter(limits(2))).kind).toBe('entered');
  });

  it('counts each group.tier on its own', async () => {
    await enter(limits(1));
    expect((await enter(limits(1), never, ['chat', 'backup'])).kind).toBe('entered');
    expect((await enter(limits(1), never, ['spare', 'primary'])).kind).toBe('entered');
    expect(gates.snapshot().map((counts) => [counts.key, counts.inFlight])).toEqual([
      ['chat.backup', 1],
      ['chat.primary', 1],
      ['spare.primary', 1],
    ]);
  });

  it('admits queued requests in arrival order as places free up', async () => {
    const holder = await enter(queueing(1));
    const admitted: string[] = [];
    const waiters = new Map<string, Tracked>();
    for (const name of ['a', 'b', 'c']) {
      const tracked: Tracked = { result: undefined };
      void enter(queueing(1)).then((entry) => {
        tracked.result = entry;
        admitted.push(name);
      });
      waiters.set(name, tracked);
    }
    await settle();
    expect(admitted).toEqual([]);
    expect(gates.snapshot()[0]).toMatchObject({ inFlight: 1, waiting: 3 });

    leaveOf(holder)();
    await settle();
    expect(admitted).toEqual(['a']);
    leaveOf(waiters.get('a')?.result)();
    await settle();
    expect(admitted).toEqual(['a', 'b']);
    leaveOf(waiters.get('b')?.result)();
    await settle();
    expect(admitted).toEqual(['a', 'b', 'c']);
    expect(gates.snapshot()[0]).toMatchObject({ inFlight: 1, waiting: 0 });
  });

  it('answers queue_full once queue_size requests are waiting', async () => {
    await enter(queueing(1, { queueSize: 2 }));
    const waiting = [track(enter(queueing(1, { queueSize: 2 }))), track(enter(queueing(1, { queueSize: 2 })))];
    expect(await enter(queueing(1, { queueSize: 2 }))).toEqual({ kind: 'queue_full', retryAfterMs: 5000 });
    expect(waiting.map((tracked) => tracked.result)).toEqual([undefined, undefined]);
    expect(gates.snapshot()[0]).toMatchObject({ inFlight: 1, waiting: 2 });
  });

  it('suggests a Retry-After of queue_timeout_ms in whole seconds, at least one', async () => {
    await enter(queueing(1, { queueSize: 1, queueTimeoutMs: 250 }));
    void enter(queueing(1, { queueSize: 1, queueTimeoutMs: 250 }));
    expect(await enter(queueing(1, { queueSize: 1, queueTimeoutMs: 250 }))).toEqual({ kind: 'queue_full', retryAfterMs: 1000 });
    expect(await enter(queueing(1, { queueSize: 1, queueTimeoutMs: 2001 }))).toEqual({ kind: 'queue_full', retryAfterMs: 3000 });
  });

  it('answers queue_timeout when queue_timeout_ms passes, and forgets the waiter', async () => {
    const holder = await enter(queueing(1, { queueTimeoutMs: 300 }));
    const waiter = track(enter(queueing(1, { queueTimeoutMs: 300 })));

    await jest.advanceTimersByTimeAsync(299);
    expect(waiter.result).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(waiter.result).toEqual({ kind: 'queue_timeout', retryAfterMs: 1000 });
    expect(gates.snapshot()[0]).toMatchObject({ inFlight: 1, waiting: 0 });

    leaveOf(holder)();
    expect(gates.snapshot()[0]).toMatchObject({ inFlight: 0, waiting: 0 });
  });

  it('removes a waiter whose signal aborts, and admits the one behind it instead', async () => {
    const holder = await enter(queueing(1, { queueTimeoutMs: 1000 }));
    const client = new AbortController();
    const abandoned = track(enter(queueing(1, { queueTimeoutMs: 1000 }), client.signal));
    const next = track(enter(queueing(1, { queueTimeoutMs: 1000 })));

    client.abort();
    await settle();
    expect(abandoned.result).toEqual({ kind: 'aborted' });
    expect(gates.snapshot()[0]).toMatchObject({ inFlight: 1, waiting: 1 });

    leaveOf(holder)();
    await settle();
    expect(next.result?.kind).toBe('entered');
    expect(gates.snapshot()[0]).toMatchObject({ inFlight: 1, waiting: 0 });

    // The aborted waiter's timer was cancelled: it is not answered a second time.
    await jest.advanceTimersByTimeAsync(5000);
    expect(abandoned.result).toEqual({ kind: 'aborted' });
  });

  it('does not queue a request whose signal has already aborted', async () => {
    await enter(queueing(1));
    const client = new AbortController();
    client.abort();
    expect(await enter(queueing(1), client.signal)).toEqual({ kind: 'aborted' });
    expect(gates.snapshot()[0]).toMatchObject({ waiting: 0 });
  });

  it('gives a place back only once however often leave is called', async () => {
    const holder = await enter(queueing(1));
    const second = track(enter(queueing(1)));
    const third = track(enter(queueing(1)));

    const leave = leaveOf(holder);
    leave();
    leave();
    await settle();
    expect(second.result?.kind).toBe('entered');
    expect(third.result).toBeUndefined();
    expect(gates.snapshot()[0]).toMatchObject({ inFlight: 1, waiting: 1 });
  });

  describe('after a reload changes the limits of the same group.tier', () => {
    it('lets a new entry in under a raised limit', async () => {
      await enter(limits(1));
      expect(await enter(limits(1))).toEqual({ kind: 'overflow' });
      expect((await enter(limits(2))).kind).toBe('entered');
      expect(await enter(limits(2))).toEqual({ kind: 'overflow' });
      expect(gates.snapshot()).toEqual([{ key: 'chat.primary', inFlight: 2, waiting: 0, limit: 2 }]);
    });

    it('keeps new entries out under a lowered limit until enough requests have left', async () => {
      const first = await enter(limits(2));
      await enter(limits(2));
      expect(await enter(limits(1))).toEqual({ kind: 'overflow' });
      leaveOf(first)();
      expect(await enter(limits(1))).toEqual({ kind: 'overflow' });
    });

    it('admits queued requests first when the limit is raised, then the new one', async () => {
      await enter(queueing(1));
      const waiter = track(enter(queueing(1)));
      const newcomer = track(enter(queueing(3)));
      await settle();
      expect(waiter.result?.kind).toBe('entered');
      expect(newcomer.result?.kind).toBe('entered');
      expect(gates.snapshot()[0]).toMatchObject({ inFlight: 3, waiting: 0, limit: 3 });
    });

    it('switches from queueing to overflowing, and lets everyone in once the tier is unlimited', async () => {
      await enter(queueing(1));
      const waiter = track(enter(queueing(1)));
      expect(await enter(limits(1))).toEqual({ kind: 'overflow' });

      expect((await enter(undefined)).kind).toBe('entered');
      expect(waiter.result?.kind).toBe('entered');
      expect(gates.snapshot()).toEqual([{ key: 'chat.primary', inFlight: 2, waiting: 0, limit: undefined }]);
    });
  });
});
