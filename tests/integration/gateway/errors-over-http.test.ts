import { groupOf, openAiProvider, poolOf } from '../../support/config-tree';
import { chatBody, postChat } from '../../support/chat-requests';
import { Harness } from '../support/gateway-harness';

interface OpenAiError {
  error: { message: string; type: string; code: string | null; param: string | null };
}

describe('client errors over real HTTP, in OpenAI format', () => {
  const harness = new Harness();
  let url = '';

  beforeAll(async () => {
    const upstream = await harness.upstream();
    const gateway = await harness.gateway({
      '_registry.toml': '[server]\nbody_limit_bytes = 2048',
      'providers/u.toml': openAiProvider(upstream.url),
      'pools/p.toml': poolOf(['u']),
      'task-groups/chat.toml': groupOf({ only: ['p'] }),
    });
    url = gateway.url;
  });
  afterAll(() => harness.close());

  async function expectError(response: Response, status: number, code: string): Promise<OpenAiError> {
    expect(response.status).toBe(status);
    const body = (await response.json()) as OpenAiError;
    expect(body.error.code).toBe(code);
    expect(typeof body.error.message).toBe('string');
    expect(typeof body.error.type).toBe('string');
    return body;
  }

  it('400 for malformed JSON', async () => {
    const body = await expectError(await postChat(url, '{"model": "chat", '), 400, 'invalid_request');
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toMatch(/not valid JSON/);
  });

  it('400 for missing or empty messages, naming the parameter', async () => {
    const missing = await expectError(await postChat(url, { model: 'chat' }), 400, 'invalid_request');
    expect(missing.error.param).toBe('messages');
    await expectError(await postChat(url, { model: 'chat', messages: [] }), 400, 'invalid_request');
    const badRole = await expectError(
      await postChat(url, { model: 'chat', messages: [{ role: 'wizard', content: 'x' }] }),
      400,
      'invalid_request',
    );
    expect(badRole.error.param).toBe('messages[0].role');
  });

  it('400 for a body that is not JSON at all', async () => {
    const response = await postChat(url, 'hello', { 'content-type': 'text/plain' });
    await expectError(response, 400, 'invalid_request');
  });

  it('404 model_not_found for an unknown model', async () => {
    const body = await expectError(await postChat(url, chatBody('no-such-group')), 404, 'model_not_found');
    expect(body.error.message).toContain('no-such-group');
  });

  it('413 for a body over the limit', async () => {
    const big = { ...chatBody('chat'), messages: [{ role: 'user', content: 'x'.repeat(4096) }] };
    await expectError(await postChat(url, big), 413, 'payload_too_large');
  });

  it('404 in OpenAI format for an unknown route', async () => {
    await expectError(await fetch(`${url}/v1/nothing-here`), 404, 'route_not_found');
  });

  it('echoes the client x-request-id, and makes one up otherwise', async () => {
    const echoed = await postChat(url, chatBody('chat'), { 'x-request-id': 'trace-123' });
    expect(echoed.headers.get('x-request-id')).toBe('trace-123');
    const fresh = await postChat(url, chatBody('chat'));
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const failed = await postChat(url, chatBody('unknown'), { 'x-request-id': 'trace-404' });
    expect(failed.headers.get('x-request-id')).toBe('trace-404');
  });
});

describe('the chat route outside the fast path', () => {
  const harness = new Harness();
  afterAll(() => harness.close());

  it('answers the same with a query string or a trailing slash', async () => {
    const upstream = await harness.upstream();
    const gateway = await harness.gateway({
      'providers/u.toml': openAiProvider(upstream.url),
      'pools/p.toml': poolOf(['u']),
    });
    for (const path of ['/v1/chat/completions?trace=1', '/v1/chat/completions/']) {
      const response = await fetch(`${gateway.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(chatBody('p')),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-switchyard-pool')).toBe('p');
    }
  });
});
