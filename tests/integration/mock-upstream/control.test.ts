import { startMockUpstream, type MockUpstream } from '../../../src/interfaces/mock-upstream/start-mock-upstream';
import { postUpstreamChat, upstreamChatBody } from '../../support/chat-requests';
import { controlUrl } from './mock-upstream-client';

describe('mock-upstream control and side endpoints', () => {
  let upstream: MockUpstream;

  beforeEach(async () => {
    upstream = await startMockUpstream();
  });
  afterEach(async () => {
    await upstream.close();
  });

  const patch = (body: unknown): Promise<Response> =>
    fetch(controlUrl(upstream), { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('applies knobs posted to /_control to the next requests', async () => {
    const response = await patch({ reply: 'from control', failureStatus: 503 });

    expect(response.status).toBe(200);
    expect(((await response.json()) as { knobs: Record<string, unknown> }).knobs).toMatchObject({
      reply: 'from control',
      failureStatus: 503,
      chunks: 8,
    });
    const completion = (await (await postUpstreamChat(upstream.url, upstreamChatBody())).json()) as {
      choices: { message: { content: string } }[];
    };
    expect(completion.choices[0]?.message.content).toBe('from control');
    await patch({ failureRate: 1 });
    expect((await postUpstreamChat(upstream.url, upstreamChatBody())).status).toBe(503);
  });

  it.each([
    [{ failureRate: 1.5 }, 'failureRate'],
    [{ chunks: 0 }, 'chunks'],
    [{ latencyMs: -1 }, 'latencyMs'],
    [{ failureStatus: 200 }, 'failureStatus'],
    [{ noSuchKnob: 1 }, 'noSuchKnob'],
  ])('rejects the invalid knobs %j with 400 and keeps the old ones', async (body, key) => {
    const response = await patch(body);

    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(key);
    expect(upstream.knobs()).toMatchObject({ failureRate: 0, chunks: 8, latencyMs: 0, failureStatus: 500 });
  });

  it('rejects a /_control body that is not JSON', async () => {
    expect((await patch('{nope')).status).toBe(400);
  });

  it('throws RangeError from setKnobs on bad values', () => {
    expect(() => upstream.setKnobs({ hangRate: 2 })).toThrow(RangeError);
    expect(upstream.knobs().hangRate).toBe(0);
  });

  it('shows knobs and stats on GET /_control and resets stats on POST /_control/reset-stats', async () => {
    await postUpstreamChat(upstream.url, upstreamChatBody());
    const shown = (await (await fetch(controlUrl(upstream))).json()) as {
      knobs: unknown;
      stats: { requests: number };
    };
    expect(shown.knobs).toEqual(upstream.knobs());
    expect(shown.stats.requests).toBe(1);

    const reset = await fetch(controlUrl(upstream, '/reset-stats'), { method: 'POST' });

    expect(reset.status).toBe(204);
    expect(upstream.stats()).toMatchObject({ requests: 0, completions: 0, byModel: {}, lastRequest: null });
  });

  it('masks credentials in the last request shown on GET /_control, and only there', async () => {
    const secrets = {
      authorization: 'Bearer live-token-1234567890',
      'proxy-authorization': 'Basic cHJveHk6cGFzcw==',
      'x-api-key': 'short',
      'api-key': 'azure-key-0987654321',
      'x-forwarded-auth': 'sk-proj-abcdef1234567890',
    };
    await postUpstreamChat(upstream.url, upstreamChatBody(), { headers: { 'content-type': 'application/json', 'x-org': 'org-1', ...secrets } });

    const shown = await (await fetch(controlUrl(upstream))).text();

    for (const secret of Object.values(secrets)) expect(shown).not.toContain(secret);
    expect(shown).not.toContain('sk-proj-abcdef');
    const headers = (JSON.parse(shown) as { stats: { lastRequest: { headers: Record<string, string> } } }).stats.lastRequest.headers;
    expect(headers).toMatchObject({
      authorization: '[redacted]',
      'proxy-authorization': '[redacted]',
      'x-api-key': '[redacted]',
      'api-key': '[redacted]',
      'x-forwarded-auth': 'sk-[redacted]',
      'x-org': 'org-1',
    });
    // In process the headers stay as received, so a test can check what a client really sent.
    expect(upstream.stats().lastRequest?.headers).toMatchObject(secrets);
  });

  it('answers bad JSON with a 400 OpenAI error', async () => {
    const response = await postUpstreamChat(upstream.url, '{"model": ');

    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_json', param: null });
    expect(typeof body.error.message).toBe('string');
  });

  it('answers an invalid body with a 400 naming the field', async () => {
    const response = await postUpstreamChat(upstream.url, { model: 'gpt-test', messages: [] });

    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { param: string } }).error.param).toBe('messages');
    expect(upstream.stats().completions).toBe(0);
  });

  it('lists mock-model and every model it was asked for on /v1/models', async () => {
    await postUpstreamChat(upstream.url, upstreamChatBody({ model: 'seen-model' }));

    const response = await fetch(`${upstream.url}/models`);

    expect(response.status).toBe(200);
    const body = (await response.json()) as { object: string; data: { id: string; object: string }[] };
    expect(body.object).toBe('list');
    expect(body.data.map((model) => model.id)).toEqual(['mock-model', 'seen-model']);
    expect(body.data.every((model) => model.object === 'model')).toBe(true);
  });

  it('answers unknown routes with a 404 OpenAI error', async () => {
    const response = await fetch(`${upstream.url}/embeddings`, { method: 'POST', body: '{}' });

    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
