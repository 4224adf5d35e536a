import { groupOf, openAiProvider, poolOf } from '../../support/config-tree';
import { CapturingLogger } from '../../support/capturing-logger';
import { chatBody, postChat } from '../../support/chat-requests';
import { eventually, Harness } from '../support/gateway-harness';

describe('the request log', () => {
  const harness = new Harness();
  afterEach(() => harness.close());

  it('writes one line per request, with what served it, and never the API key', async () => {
    const broken = await harness.upstream({ failureRate: 1 });
    const healthy = await harness.upstream();
    const logger = new CapturingLogger();
    const gateway = await harness.gateway(
      {
        'providers/broken.toml': openAiProvider(broken.url),
        'providers/healthy.toml': openAiProvider(healthy.url),
        'pools/p.toml': poolOf(['broken', 'healthy']),
        'task-groups/chat.toml': groupOf({ only: ['p'] }),
      },
      logger,
    );
    await postChat(gateway.url, chatBody('chat'), { 'x-request-id': 'one' });
    await (await postChat(gateway.url, chatBody('chat', true), { 'x-request-id': 'two' })).text();
    await postChat(gateway.url, chatBody('ghost'), { 'x-request-id': 'three' });
    await eventually(() => logger.lines.filter((line) => line.message === 'chat request').length === 3);
    const requests = logger.lines.filter((line) => line.message === 'chat request');
    expect(requests.map((line) => line.fields.requestId)).toEqual(['one', 'two', 'three']);
    expect(requests[0]?.fields).toMatchObject({ outcome: 'served', pool: 'p', tier: 'only', group: 'chat', attempts: 2 });
    expect(requests[1]?.fields).toMatchObject({ outcome: 'served', stream: true });
    expect(requests[2]).toMatchObject({ level: 'warn', fields: { outcome: 'model_not_found' } });
    expect(JSON.stringify(logger.lines)).not.toContain('test-key');
  });

  it('writes no request lines with [server] request_log = false', async () => {
    const upstream = await harness.upstream();
    const logger = new CapturingLogger();
    const gateway = await harness.gateway(
      {
        '_registry.toml': '[server]\nrequest_log = false\n',
        'providers/up.toml': openAiProvider(upstream.url),
        'pools/p.toml': poolOf(['up']),
        'task-groups/chat.toml': groupOf({ only: ['p'] }),
      },
      logger,
    );
    expect((await postChat(gateway.url, chatBody('chat'))).status).toBe(200);
    await (await postChat(gateway.url, chatBody('chat', true))).text();
    expect((await postChat(gateway.url, chatBody('ghost'))).status).toBe(404);
    expect(upstream.stats().requests).toBe(2);
    expect(logger.lines.filter((line) => line.message === 'chat request')).toEqual([]);
  });
});
