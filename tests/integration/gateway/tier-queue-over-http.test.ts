import { openAiProvider, poolOf } from '../../support/config-tree';
import { chatBody, postChat } from '../../support/chat-requests';
import { eventuallyAsync, Harness } from '../support/gateway-harness';

interface TierCounts {
  key: string;
  inFlight: number;
  waiting: number;
}

/** A group of one tier holding one request at a time, with a queue of one. */
function queuedGroup(queueTimeoutMs: number): string {
  return [
    'max_attempts = 2',
    'timeout_ms = 10000',
    '[[tiers]]',
    'name = "only"',
    'pools = ["p"]',
    'concurrency_limit = 1',
    'overflow = "queue"',
    'queue_size = 1',
    `queue_timeout_ms = ${queueTimeoutMs}`,
  ].join('\n');
}

async function tierCounts(gatewayUrl: string): Promise<TierCounts | undefined> {
  const view = (await (await fetch(`${gatewayUrl}/admin/pools`)).json()) as { tiers: TierCounts[] };
  return view.tiers.find((tier) => tier.key === 'chat.only');
}

describe('a tier with overflow = "queue" over real HTTP', () => {
  const harness = new Harness();
  afterEach(() => harness.close());

  async function start(latencyMs: number, queueTimeoutMs: number) {
    const upstream = await harness.upstream({ latencyMs });
    const provider = openAiProvider(upstream.url).replace('request_timeout_ms = 2000', 'request_timeout_ms = 8000');
    const gateway = await harness.gateway({
      'providers/u.toml': provider,
      'pools/p.toml': poolOf(['u']),
      'task-groups/chat.toml': queuedGroup(queueTimeoutMs),
    });
    return { upstream, gateway };
  }

  it('answers 429 tier_saturated with Retry-After when the queue is full, and when a wait times out', async () => {
    // The request inside the tier takes 1.5 s; the queued one gives up after 300 ms (Retry-After: 1).
    const { upstream, gateway } = await start(1500, 300);
    const inside = postChat(gateway.url, chatBody('chat'));
    await eventuallyAsync(async () => (await tierCounts(gateway.url))?.inFlight === 1);
    const queued = postChat(gateway.url, chatBody('chat'));
    await eventuallyAsync(async () => (await tierCounts(gateway.url))?.waiting === 1);

    const full = await postChat(gateway.url, chatBody('chat'));
    expect(full.status).toBe(429);
    expect(full.headers.get('retry-after')).toBe('1');
    expect(((await full.json()) as { error: { code: string } }).error.code).toBe('tier_saturated');

    const timedOut = await queued;
    expect(timedOut.status).toBe(429);
    expect(timedOut.headers.get('retry-after')).toBe('1');
    expect(((await timedOut.json()) as { error: { code: string } }).error.code).toBe('tier_saturated');
    expect(await tierCounts(gateway.url)).toMatchObject({ inFlight: 1, waiting: 0 });

    expect((await inside).status).toBe(200);
    expect(upstream.stats().requests).toBe(1);
  });

  it('rounds Retry-After up to whole seconds of queue_timeout_ms', async () => {
    const { gateway } = await start(800, 2500);
    const inside = postChat(gateway.url, chatBody('chat'));
    await eventuallyAsync(async () => (await tierCounts(gateway.url))?.inFlight === 1);
    const queued = postChat(gateway.url, chatBody('chat'));
    await eventuallyAsync(async () => (await tierCounts(gateway.url))?.waiting === 1);

    const full = await postChat(gateway.url, chatBody('chat'));
    expect(full.status).toBe(429);
    expect(full.headers.get('retry-after')).toBe('3');

    // The queued request waits for the place rather than failing: it is served once the first one leaves.
    expect((await inside).status).toBe(200);
    expect((await queued).status).toBe(200);
  });
});
