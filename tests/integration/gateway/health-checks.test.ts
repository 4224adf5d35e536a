import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMockUpstream } from '../../../src/interfaces/mock-upstream/start-mock-upstream';
import { openAiProvider, poolOf } from '../../support/config-tree';
import { CapturingLogger } from '../../support/capturing-logger';
import { chatBody, postChat } from '../../support/chat-requests';
import { eventually, Harness } from '../support/gateway-harness';


const OUT = 'instance out of rotation: health checks failing';
const BACK = 'instance back in rotation: health checks passing';

async function healthOf(gatewayUrl: string, pool: string): Promise<Record<string, string>> {
  const view = (await (await fetch(`${gatewayUrl}/admin/pools`)).json()) as {
    pools: { name: string; instances: { name: string; health: { state: string } }[] }[];
  };
  const instances = view.pools.find((candidate) => candidate.name === pool)?.instances ?? [];
  return Object.fromEntries(instances.map((instance) => [instance.name, instance.health.state]));
}

async function servedBy(gatewayUrl: string, model: string, times: number): Promise<string[]> {
  const served: string[] = [];
  for (let i = 0; i < times; i += 1) {
    const response = await postChat(gatewayUrl, chatBody(model));
    expect(response.status).toBe(200);
    await response.text();
    served.push(`${response.headers.get('x-switchyard-instance')}/${response.headers.get('x-switchyard-attempts')}`);
  }
  return served;
}

/**
 * Checks every 300 ms, each allowed 250 ms: far more than a loopback probe needs even on a busy
 * machine, so the healthy instance never flaps; transitions are awaited as log lines, not timed.
 */
const CHECKS = 'interval_ms = 300\ntimeout_ms = 250';

function checkedPool(healthCheck: string): string {
  return `${poolOf(['a', 'b'])}\n[health_check]\n${CHECKS}\n${healthCheck}\n`;
}

/** Long enough for two checks in a row (a threshold) several times over. */
const TRANSITION_MS = 10_000;

describe('active health checks over real HTTP', () => {
  const harness = new Harness();
  afterEach(() => harness.close());

  it('takes a failing instance out of rotation and lets it rejoin once it passes again (completion probe)', async () => {
    const a = await harness.upstream();
    const b = await harness.upstream();
    const logger = new CapturingLogger();
    const gateway = await harness.gateway(
      {
        'providers/a.toml': openAiProvider(a.url),
        'providers/b.toml': openAiProvider(b.url),
        'pools/main.toml': checkedPool('probe = "completion"'),
      },
      logger,
    );
    await eventually(() => a.stats().requests >= 2, TRANSITION_MS);
    expect(a.stats().lastRequest?.body).toMatchObject({ model: 'model-a', max_tokens: 1, messages: [{ role: 'user', content: 'ping' }] });

    a.setKnobs({ failureRate: 1, failureStatus: 503 });
    await eventually(() => logger.said(OUT, 'a'), TRANSITION_MS);
    expect(await healthOf(gateway.url, 'main')).toEqual({ a: 'unhealthy', b: 'healthy' });
    expect(await servedBy(gateway.url, 'main', 4)).toEqual(['b/1', 'b/1', 'b/1', 'b/1']);

    a.setKnobs({ failureRate: 0 });
    await eventually(() => logger.said(BACK, 'a'), TRANSITION_MS);
    expect(await healthOf(gateway.url, 'main')).toEqual({ a: 'healthy', b: 'healthy' });
    expect((await servedBy(gateway.url, 'main', 4)).sort()).toEqual(['a/1', 'a/1', 'b/1', 'b/1']);
    expect(logger.lines.filter((line) => line.message === OUT || line.message === BACK).map((line) => line.fields.reason)).toEqual([
      expect.stringContaining('503'),
      'passed 2 consecutive health checks',
    ]);
  });

  it('takes an unreachable instance out with the path probe and lets it rejoin when its upstream is back', async () => {
    const a = await harness.upstream();
    const b = await harness.upstream();
    const logger = new CapturingLogger();
    const gateway = await harness.gateway(
      {
        'providers/a.toml': openAiProvider(a.url),
        'providers/b.toml': openAiProvider(b.url),
        'pools/main.toml': checkedPool('path = "/models"'),
      },
      logger,
    );
    await a.close();
    await eventually(() => logger.said(OUT, 'a'), TRANSITION_MS);
    expect(await healthOf(gateway.url, 'main')).toEqual({ a: 'unhealthy', b: 'healthy' });
    expect(await servedBy(gateway.url, 'main', 3)).toEqual(['b/1', 'b/1', 'b/1']);

    const revived = await startMockUpstream({ port: a.port });
    try {
      await eventually(() => logger.said(BACK, 'a'), TRANSITION_MS);
      expect((await servedBy(gateway.url, 'main', 4)).sort()).toEqual(['a/1', 'a/1', 'b/1', 'b/1']);
      expect(revived.stats().requests).toBe(2);
    } finally {
      await revived.close();
    }
  });

  it('probes GET {base_url}{path} with the provider headers and bearer key', async () => {
    const seen: { url: string | undefined; headers: IncomingHttpHeaders }[] = [];
    const upstream = createServer((req, res) => {
      seen.push({ url: req.url, headers: req.headers });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`;
      await harness.gateway({
        'providers/a.toml': openAiProvider(url, '[headers]\nx-org = "org-1"'),
        'pools/main.toml': `${poolOf(['a'])}\n[health_check]\n${CHECKS}\npath = "/health"\n`,
      });
      await eventually(() => seen.length >= 2, TRANSITION_MS);
      expect(seen[0]).toMatchObject({
        url: '/v1/health',
        headers: { authorization: 'Bearer test-key', 'x-org': 'org-1' },
      });
    } finally {
      upstream.closeAllConnections();
      await new Promise<void>((resolve) => upstream.close(() => resolve()));
    }
  });
});
