import { openAiProvider, poolOf } from '../../support/config-tree';
import { chatBody, postChat } from '../../support/chat-requests';
import { Harness } from '../support/gateway-harness';

interface AdminInstance {
  name: string;
  cooldownMs: number;
}

async function cooldownOf(gatewayUrl: string, instance: string): Promise<number | undefined> {
  const view = (await (await fetch(`${gatewayUrl}/admin/pools`)).json()) as { pools: { instances: AdminInstance[] }[] };
  return view.pools.flatMap((pool) => pool.instances).find((candidate) => candidate.name === instance)?.cooldownMs;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('upstream Retry-After over real HTTP', () => {
  const harness = new Harness();
  afterEach(() => harness.close());

  it.each([503, 429])('a %i with Retry-After puts the instance in cooldown: shown in /admin/pools, no traffic until it ends', async (status) => {
    const limited = await harness.upstream({ failureRate: 1, failureStatus: status, retryAfterSeconds: 1 });
    const other = await harness.upstream();
    const gateway = await harness.gateway({
      'providers/limited.toml': openAiProvider(limited.url),
      'providers/other.toml': openAiProvider(other.url),
      'pools/p.toml': poolOf(['limited', 'other']),
    });

    const sentAt = Date.now();
    const first = await postChat(gateway.url, chatBody('p'));
    expect(first.status).toBe(200);
    expect(first.headers.get('x-switchyard-attempts')).toBe('2');
    expect(limited.stats()).toMatchObject({ requests: 1, failures: 1 });
    const cooldown = await cooldownOf(gateway.url, 'limited');
    expect(cooldown).toBeGreaterThan(0);
    expect(cooldown).toBeLessThanOrEqual(1000);
    expect(await cooldownOf(gateway.url, 'other')).toBe(0);

    // `limited` would now answer, and round robin would pick it next: only the cooldown keeps it out.
    limited.setKnobs({ failureRate: 0 });
    const servedMeanwhile: string[] = [];
    while (limited.stats().requests === 1) {
      if (Date.now() - sentAt > 5000) throw new Error('the instance never came back after its cooldown');
      const response = await postChat(gateway.url, chatBody('p'));
      expect(response.status).toBe(200);
      await response.text();
      servedMeanwhile.push(response.headers.get('x-switchyard-instance') ?? '?');
      await sleep(25);
    }
    // The first request it got again came after the whole second of Retry-After had passed.
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(1000);
    expect(servedMeanwhile.length).toBeGreaterThan(3);
    expect(servedMeanwhile.slice(0, -1).every((instance) => instance === 'other')).toBe(true);
    expect(servedMeanwhile.at(-1)).toBe('limited');
    expect(await cooldownOf(gateway.url, 'limited')).toBe(0);
  });
});
