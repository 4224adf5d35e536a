import { groupOf, openAiProvider, poolOf } from '../../support/config-tree';
import { Harness } from '../support/gateway-harness';

describe('models, health and readiness', () => {
  const harness = new Harness();
  afterEach(() => harness.close());

  it('lists every routable name with the tiers behind it', async () => {
    const upstream = await harness.upstream();
    const gateway = await harness.gateway({
      '_registry.toml': '[aliases]\n"gpt-4o-mini" = "chat"',
      'providers/u.toml': openAiProvider(upstream.url),
      'pools/p.toml': poolOf(['u']),
      'task-groups/chat.toml': groupOf({ only: ['p'] }),
      'wrappers/careful.toml': 'target = "chat"\n[defaults]\ntemperature = 0.1',
    });
    const response = await fetch(`${gateway.url}/v1/models`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { object: string; data: { id: string; object: string; switchyard: { kind: string } }[] };
    expect(body.object).toBe('list');
    expect(body.data.map((m) => m.id).sort()).toEqual(['careful', 'chat', 'chat.only', 'gpt-4o-mini', 'p']);
    expect(body.data.find((m) => m.id === 'careful')?.switchyard.kind).toBe('wrapper');
    expect(body.data.every((m) => m.object === 'model')).toBe(true);
    expect(JSON.stringify(body)).not.toContain('test-key');
    expect(JSON.stringify(body)).not.toContain('127.0.0.1');
  });

  it('is live and ready when an instance is enabled', async () => {
    const upstream = await harness.upstream();
    const gateway = await harness.gateway({
      'providers/u.toml': openAiProvider(upstream.url),
      'pools/p.toml': poolOf(['u']),
    });
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${gateway.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', enabledInstances: 1 });
  });

  it('is not ready when every provider is disabled for lack of its key', async () => {
    const gateway = await harness.gateway({
      'providers/cloud.toml': 'protocol = "openai"\nbase_url = "http://127.0.0.1:9"\napi_key = "${SWITCHYARD_TEST_UNSET_KEY}"',
      'pools/p.toml': poolOf(['cloud']),
    });
    const ready = await fetch(`${gateway.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'not_ready', enabledInstances: 0 });
  });
});
