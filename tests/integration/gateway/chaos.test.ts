import { groupOf, openAiProvider, poolOf } from '../../support/config-tree';
import { chatBody, postChat } from '../../support/chat-requests';
import { eventually, Harness } from '../support/gateway-harness';

interface AdminInstance {
  name: string;
  inFlight: number;
  breaker: { state: string };
  health: { state: string };
  failures: Record<string, number>;
}

async function adminInstances(url: string): Promise<AdminInstance[]> {
  const body = (await (await fetch(`${url}/admin/pools`)).json()) as { pools: { instances: AdminInstance[] }[] };
  return body.pools.flatMap((pool) => pool.instances);
}

const BREAKER = '[circuit_breaker]\nvolume_threshold = 3\nerror_threshold_percentage = 50\nreset_timeout_ms = 400\nmax_reset_timeout_ms = 800\nhalf_open_trials = 1';

describe('chaos: a failing, a hung and a healthy instance in tier 1, a healthy tier 2', () => {
  const harness = new Harness();
  afterAll(() => harness.close());

  it('serves every request, isolates the sick instances, and takes the failing one back when it recovers', async () => {
    const failing = await harness.upstream({ failureRate: 1, failureStatus: 500 });
    const hung = await harness.upstream({ hangRate: 1 });
    const healthy = await harness.upstream({ chunks: 4 });
    const backup = await harness.upstream({ chunks: 4 });
    const gateway = await harness.gateway({
      'providers/failing.toml': openAiProvider(failing.url),
      'providers/hung.toml': openAiProvider(hung.url).replace('request_timeout_ms = 2000', 'request_timeout_ms = 250'),
      'providers/healthy.toml': openAiProvider(healthy.url),
      'providers/backup.toml': openAiProvider(backup.url),
      'pools/front.toml': `${poolOf(['failing', 'hung', 'healthy'])}\n${BREAKER}`,
      'pools/rear.toml': poolOf(['backup']),
      'task-groups/chat.toml': groupOf({ primary: ['front'], secondary: ['rear'] }, 'max_attempts = 4\ntimeout_ms = 5000'),
    });

    const started = Date.now();
    const durations: number[] = [];
    const failures: string[] = [];
    const total = 240;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < total) {
        const index = next;
        next += 1;
        const stream = index % 2 === 1;
        const begin = Date.now();
        const response = await postChat(gateway.url, chatBody('chat', stream));
        const text = await response.text();
        durations.push(Date.now() - begin);
        if (response.status !== 200) failures.push(`${response.status} ${text.slice(0, 200)}`);
        else if (stream && !text.includes('data: [DONE]')) failures.push(`incomplete stream: ${text.slice(-200)}`);
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    const elapsed = Date.now() - started;

    expect(failures).toEqual([]);
    // The hung instance was met, and every request that met it was freed by its 250 ms time-to-first-byte
    // timeout rather than by the 5 s deadline (which would have been a 504 above): bounded well below it.
    expect(hung.stats().hangs).toBeGreaterThan(0);
    expect(Math.max(...durations)).toBeLessThan(4000);
    // Once open, the failing instance gets only trial requests: at most one per open period (>= 400 ms).
    const openPeriods = Math.ceil(elapsed / 400) + 1;
    expect(failing.stats().requests).toBeLessThanOrEqual(3 + 6 + openPeriods);
    expect(hung.stats().requests).toBeLessThanOrEqual(3 + 6 + openPeriods);
    expect(healthy.stats().requests + backup.stats().requests).toBeGreaterThanOrEqual(total);

    // Abandoned hung calls are closed, not left dangling upstream.
    await eventually(() => hung.stats().active === 0);
    const after = await adminInstances(gateway.url);
    expect(after.map((instance) => instance.inFlight)).toEqual([0, 0, 0, 0]);
    const failingView = after.find((instance) => instance.name === 'failing');
    expect(failingView?.failures.transient).toBeGreaterThan(0);

    failing.setKnobs({ failureRate: 0 });
    const before = failing.stats().completions;
    const deadline = Date.now() + 8000;
    while (failing.stats().completions === before && Date.now() < deadline) {
      const response = await postChat(gateway.url, chatBody('chat'));
      expect(response.status).toBe(200);
      await response.text();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(failing.stats().completions).toBeGreaterThan(before);
    const recovered = (await adminInstances(gateway.url)).find((instance) => instance.name === 'failing');
    expect(recovered?.breaker.state).toBe('closed');
  }, 60_000);

  it('answers 503 within the deadline when every instance is dead, listing each attempt and its class', async () => {
    const failing = await harness.upstream({ failureRate: 1, failureStatus: 502 });
    const gone = await harness.upstream();
    const goneUrl = gone.url;
    await gone.close();
    const gateway = await harness.gateway({
      'providers/failing.toml': openAiProvider(failing.url),
      'providers/gone.toml': openAiProvider(goneUrl),
      'pools/p.toml': poolOf(['failing', 'gone']),
      'task-groups/chat.toml': groupOf({ only: ['p'] }, 'max_attempts = 4\ntimeout_ms = 3000'),
    });
    const begin = Date.now();
    const response = await postChat(gateway.url, chatBody('chat'));
    expect(Date.now() - begin).toBeLessThan(3000);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { error: { attempts: { instance: string; failure: string; status?: number }[] } };
    // Two rounds (max_attempts 4): every instance tried, then tried again after a short backoff.
    expect(body.error.attempts.map((a) => `${a.instance}:${a.failure}:${a.status ?? '-'}`).sort()).toEqual([
      'failing:transient:502',
      'failing:transient:502',
      'gone:transient:-',
      'gone:transient:-',
    ]);
  });
});
