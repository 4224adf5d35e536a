import { groupOf, openAiProvider, poolOf } from '../../support/config-tree';
import { chatBody, postChat, postUpstreamChat } from '../../support/chat-requests';
import { eventually, Harness } from '../support/gateway-harness';

/** Drops the parts that differ between two answers to the same request (id, creation time, model). */
function normalise(sse: string): string {
  return sse
    .replace(/"id":"[^"]*"/g, '"id":"X"')
    .replace(/"created":\d+/g, '"created":0')
    .replace(/"model":"[^"]*"/g, '"model":"M"');
}

describe('streaming over real HTTP', () => {
  const harness = new Harness();
  afterEach(() => harness.close());

  it('passes the upstream SSE bytes through unchanged', async () => {
    const upstream = await harness.upstream({ chunks: 5, reply: 'one two three four five' });
    const gateway = await harness.gateway({
      'providers/u.toml': openAiProvider(upstream.url),
      'pools/p.toml': poolOf(['u']),
      'task-groups/chat.toml': groupOf({ only: ['p'] }),
    });
    const body = { ...chatBody('chat', true), stream_options: { include_usage: true } };
    const direct = await (await postUpstreamChat(upstream.url, body)).text();
    const response = await postChat(gateway.url, body);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('x-switchyard-instance')).toBe('u');
    const routed = await response.text();
    expect(normalise(routed)).toBe(normalise(direct));
    expect(routed.trimEnd().endsWith('data: [DONE]')).toBe(true);
    expect(routed).toContain('"usage"');
  });

  it('fails over before the first byte: a failing instance is replaced by a healthy one', async () => {
    const broken = await harness.upstream({ failureRate: 1, failureStatus: 502 });
    const healthy = await harness.upstream({ chunks: 3 });
    const gateway = await harness.gateway({
      'providers/broken.toml': openAiProvider(broken.url),
      'providers/healthy.toml': openAiProvider(healthy.url),
      'pools/p.toml': poolOf(['broken', 'healthy']),
      'task-groups/chat.toml': groupOf({ only: ['p'] }),
    });
    const response = await postChat(gateway.url, chatBody('chat', true));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-switchyard-instance')).toBe('healthy');
    expect(response.headers.get('x-switchyard-attempts')).toBe('2');
    expect(await response.text()).toContain('data: [DONE]');
  });

  it('ends a stream cut midway with an error event, not a silent success', async () => {
    const cutting = await harness.upstream({ chunks: 8, streamCutAfterChunks: 2 });
    const gateway = await harness.gateway({
      'providers/c.toml': openAiProvider(cutting.url),
      'pools/p.toml': poolOf(['c']),
      'task-groups/chat.toml': groupOf({ only: ['p'] }),
    });
    const response = await postChat(gateway.url, chatBody('chat', true));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain('[DONE]');
    const last = text.trim().split('\n\n').pop() ?? '';
    expect(JSON.parse(last.replace(/^data: /, ''))).toMatchObject({ error: { code: 'stream_interrupted' } });
  });

  it('aborts the upstream stream when the client disconnects mid-stream, and shuts down promptly after', async () => {
    // 400 chunks 25 ms apart (a reply long enough to cut into 400 pieces): 10 s of stream, far
    // beyond the 3 s wait below, so only the abort can end it in time.
    const slow = await harness.upstream({ chunks: 400, chunkDelayMs: 25, reply: 'word '.repeat(400) });
    const gateway = await harness.gateway({
      'providers/s.toml': openAiProvider(slow.url),
      'pools/p.toml': poolOf(['s']),
      'task-groups/chat.toml': groupOf({ only: ['p'] }),
    });
    const client = new AbortController();
    const response = await postChat(gateway.url, chatBody('chat', true), {}, client.signal);
    const reader = response.body!.getReader();
    await reader.read();
    expect(slow.stats()).toMatchObject({ active: 1, aborted: 0 });
    client.abort();
    await eventually(() => slow.stats().active === 0);
    expect(slow.stats()).toMatchObject({ streams: 1, aborted: 1 });

    // Nothing is left in flight, so the shutdown grace (10 s) must not be waited out.
    const closing = Date.now();
    await gateway.close();
    expect(Date.now() - closing).toBeLessThan(3_000);
  });
});
