import { groupOf, openAiProvider, poolOf } from '../../support/config-tree';
import { chatBody, postChat } from '../../support/chat-requests';
import { Harness } from '../support/gateway-harness';
import { scripts, startScriptedUpstream, type UpstreamScript } from '../support/scripted-upstream';

interface AdminInstance {
  name: string;
  failures: Record<string, number>;
  health: { state: string; reason?: string };
}

const API_KEY = 'sk-live-0123456789abcdefSECRET';
const HEADER_SECRET = 'hdr-secret-998877665544';

function lastEvent(sse: string): unknown {
  const last = sse.trim().split(/\n\n/).pop() ?? '';
  return JSON.parse(last.replace(/^data: /, ''));
}

describe('sick upstreams over real HTTP', () => {
  const harness = new Harness();
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
    await harness.close();
  });

  async function scripted(script: UpstreamScript): Promise<string> {
    const upstream = await startScriptedUpstream(script);
    closers.push(() => upstream.close());
    return upstream.url;
  }

  async function instances(url: string): Promise<AdminInstance[]> {
    const body = (await (await fetch(`${url}/admin/pools`)).json()) as { pools: { instances: AdminInstance[] }[] };
    return body.pools.flatMap((pool) => pool.instances);
  }

  /** One instance `sick` (alone, or in front of a healthy mock upstream) in group `chat`. */
  async function gatewayWith(sickUrl: string, options: { healthy?: boolean; providerExtra?: string; groupHead?: string } = {}) {
    const files: Record<string, string> = {
      'providers/sick.toml': openAiProvider(sickUrl, options.providerExtra ?? ''),
      'pools/p.toml': poolOf(options.healthy === true ? ['sick', 'healthy'] : ['sick']),
      'task-groups/chat.toml': groupOf({ only: ['p'] }, options.groupHead ?? 'max_attempts = 2\ntimeout_ms = 5000'),
    };
    if (options.healthy === true) files['providers/healthy.toml'] = openAiProvider((await harness.upstream({ chunks: 2 })).url);
    return harness.gateway(files);
  }

  it.each([
    ['closes cleanly without data: [DONE]', scripts.streamWithoutDone()],
    ['closes cleanly in the middle of an event', scripts.streamEndingMidEvent()],
  ])('a stream that %s ends with stream_interrupted and counts as a failure', async (_name, script) => {
    const gateway = await gatewayWith(await scripted(script));
    const response = await postChat(gateway.url, chatBody('chat', true));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('"one"');
    expect(lastEvent(text)).toMatchObject({ error: { code: 'stream_interrupted' } });
    const [sick] = await instances(gateway.url);
    expect(sick?.failures).toEqual({ transient: 1 });
  });

  it('a stream cut before its first complete event fails over to the next instance', async () => {
    const gateway = await gatewayWith(await scripted(scripts.streamCutBeforeFirstEvent()), { healthy: true });
    const response = await postChat(gateway.url, chatBody('chat', true));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-switchyard-instance')).toBe('healthy');
    expect(response.headers.get('x-switchyard-attempts')).toBe('2');
    const text = await response.text();
    expect(text).not.toContain('"id":"c1"');
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('a well-framed stream is still a success', async () => {
    const gateway = await gatewayWith(await scripted(scripts.wellFramedStream(3)));
    const text = await (await postChat(gateway.url, chatBody('chat', true))).text();
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
    const [sick] = await instances(gateway.url);
    expect(sick?.failures).toEqual({});
  });

  it('a 200 whose body is not JSON is a failure of the instance: the request fails over', async () => {
    const gateway = await gatewayWith(await scripted(scripts.invalidJson()), { healthy: true });
    const response = await postChat(gateway.url, chatBody('chat'));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-switchyard-instance')).toBe('healthy');
    expect(((await response.json()) as { object: string }).object).toBe('chat.completion');
    const [sick] = await instances(gateway.url);
    expect(sick?.failures).toEqual({ transient: 1 });
  });

  it.each([
    ['declared by content-length', true],
    ['read beyond the limit', false],
  ])('an answer over max_response_bytes (%s) is a failure: the request fails over', async (_name, declared) => {
    const url = await scripted(scripts.hugeCompletion(200_000, declared));
    const gateway = await gatewayWith(url, { healthy: true, providerExtra: 'max_response_bytes = 65536' });
    const response = await postChat(gateway.url, chatBody('chat'));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-switchyard-instance')).toBe('healthy');
    const [sick] = await instances(gateway.url);
    expect(sick?.failures).toEqual({ transient: 1 });
  });

  it('a stream whose bytes pass max_response_bytes ends with stream_interrupted', async () => {
    const url = await scripted(scripts.hugeStream(500_000));
    const gateway = await gatewayWith(url, { providerExtra: 'max_response_bytes = 65536' });
    const text = await (await postChat(gateway.url, chatBody('chat', true))).text();
    expect(text.length).toBeLessThan(200_000);
    expect(lastEvent(text)).toMatchObject({ error: { code: 'stream_interrupted' } });
    expect(JSON.stringify(lastEvent(text))).toContain('max_response_bytes');
  });

  it('a trickling stream is ended with stream_interrupted once the group max_stream_ms has passed', async () => {
    const gateway = await gatewayWith(await scripted(scripts.tricklingStream(50)), {
      groupHead: 'max_attempts = 2\ntimeout_ms = 5000\nmax_stream_ms = 300',
    });
    const text = await (await postChat(gateway.url, chatBody('chat', true))).text();
    expect(text).toContain('"more"');
    expect(lastEvent(text)).toMatchObject({ error: { code: 'stream_interrupted' } });
    expect(JSON.stringify(lastEvent(text))).toContain('max_stream_ms');
    const [sick] = await instances(gateway.url);
    expect(sick?.failures).toEqual({ transient: 1 });
  });

  describe('an upstream that echoes request headers in its errors', () => {
    const extra = `headers = { "x-api-key" = "${HEADER_SECRET}" }`;
    function providerWithKey(url: string): string {
      return openAiProvider(url, extra).replace('api_key = "test-key"', `api_key = "${API_KEY}"`);
    }
    async function echoing(status: number) {
      const url = await scripted(scripts.echoHeaders(status));
      return harness.gateway({
        'providers/sick.toml': providerWithKey(url),
        'pools/p.toml': poolOf(['sick']),
        'task-groups/chat.toml': groupOf({ only: ['p'] }, 'max_attempts = 1\ntimeout_ms = 5000'),
      });
    }
    function expectNoSecret(text: string): void {
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain(HEADER_SECRET);
      expect(text).not.toContain('0123456789abcdef');
    }

    it('500: the attempt messages of the error body carry no credential', async () => {
      const gateway = await echoing(500);
      const response = await postChat(gateway.url, chatBody('chat'));
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(text).toContain('you sent');
      expectNoSecret(text);
    });

    it('401: the health reason in /admin/pools carries no credential', async () => {
      const gateway = await echoing(401);
      await postChat(gateway.url, chatBody('chat'));
      const [sick] = await instances(gateway.url);
      expect(sick?.health.state).toBe('misconfigured');
      expect(sick?.health.reason).toContain('you sent');
      expectNoSecret(JSON.stringify(sick));
    });

    it('400: the upstream answer relayed to the client carries no credential', async () => {
      const gateway = await echoing(400);
      const response = await postChat(gateway.url, chatBody('chat'));
      expect(response.status).toBe(400);
      expectNoSecret(await response.text());
    });
  });
});
