import { Agent, request as httpRequest } from 'node:http';
import { startMockUpstream, type MockUpstream } from '../../../src/interfaces/mock-upstream/start-mock-upstream';
import { postUpstreamChat, upstreamChatBody } from '../../support/chat-requests';
import { ssePayloads } from './mock-upstream-client';

interface Chunk {
  id: string;
  object: string;
  model: string;
  choices: { index: number; delta: { role?: string; content?: string }; finish_reason: string | null }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

describe('mock-upstream chat completions', () => {
  let upstream: MockUpstream;

  beforeEach(async () => {
    upstream = await startMockUpstream();
  });
  afterEach(async () => {
    await upstream.close();
  });

  it('answers a non-stream request in OpenAI chat.completion shape', async () => {
    const response = await postUpstreamChat(upstream.url, upstreamChatBody());

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-test',
      choices: [
        { index: 0, message: { role: 'assistant', content: 'Mock reply to: hello there' }, finish_reason: 'stop' },
      ],
    });
    expect(String(body.id)).toMatch(/^chatcmpl-/);
    const usage = body.usage as { prompt_tokens: number; completion_tokens: number; total_tokens: number };
    expect(usage.prompt_tokens).toBeGreaterThan(0);
    expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
  });

  it('records what it was asked', async () => {
    await postUpstreamChat(upstream.url, upstreamChatBody());
    await postUpstreamChat(upstream.url, upstreamChatBody({ model: 'other' }));

    const stats = upstream.stats();
    expect(stats).toMatchObject({ requests: 2, completions: 2, streams: 0, active: 0 });
    expect(stats.byModel).toEqual({ 'gpt-test': 1, other: 1 });
    expect(stats.lastRequest?.headers.authorization).toBe('Bearer test-key');
    expect(stats.lastRequest?.body).toMatchObject({ model: 'other' });
  });

  it('reports the fixed reply and model from its knobs', async () => {
    upstream.setKnobs({ reply: 'fixed answer', model: 'upstream-model' });

    const response = await postUpstreamChat(upstream.url, upstreamChatBody());
    const body = (await response.json()) as { model: string; choices: { message: { content: string } }[] };

    expect(body.model).toBe('upstream-model');
    expect(body.choices[0]?.message.content).toBe('fixed answer');
  });

  it('waits latencyMs before answering', async () => {
    upstream.setKnobs({ latencyMs: 50 });
    const started = Date.now();

    await (await postUpstreamChat(upstream.url, upstreamChatBody())).json();

    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
  });

  it('streams SSE chunks ending with [DONE], without a usage chunk unless asked', async () => {
    upstream.setKnobs({ reply: 'abcdefgh', chunks: 4 });

    const response = await postUpstreamChat(upstream.url, upstreamChatBody({ stream: true }));

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const payloads = ssePayloads(await response.text());
    expect(payloads[payloads.length - 1]).toBe('[DONE]');
    const chunks = payloads.slice(0, -1).map((payload) => JSON.parse(payload) as Chunk);
    const firstId = chunks[0]!.id;
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk' && chunk.id === firstId)).toBe(true);
    expect(chunks[0]!.choices[0]!.delta.role).toBe('assistant');
    const texts = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').filter((text) => text !== '');
    expect(texts).toEqual(['ab', 'cd', 'ef', 'gh']);
    expect(chunks[chunks.length - 1]!.choices[0]!.finish_reason).toBe('stop');
    expect(chunks.some((chunk) => chunk.usage !== undefined)).toBe(false);
    expect(upstream.stats()).toMatchObject({ streams: 1, completions: 0 });
  });

  it('adds a usage chunk before [DONE] when stream_options.include_usage is true', async () => {
    const response = await postUpstreamChat(upstream.url, upstreamChatBody({ stream: true, stream_options: { include_usage: true } }));

    const payloads = ssePayloads(await response.text());
    const last = JSON.parse(payloads[payloads.length - 2]!) as Chunk;
    expect(last.choices).toEqual([]);
    expect(last.usage?.total_tokens).toBeGreaterThan(0);
    expect(payloads[payloads.length - 1]).toBe('[DONE]');
  });

  it('paces a stream with ttftMs and chunkDelayMs', async () => {
    upstream.setKnobs({ ttftMs: 30, chunkDelayMs: 10, chunks: 3, reply: 'abcdef' });
    const started = Date.now();

    const payloads = ssePayloads(await (await postUpstreamChat(upstream.url, upstreamChatBody({ stream: true }))).text());

    expect(payloads[payloads.length - 1]).toBe('[DONE]');
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
  });

  it('keeps connections alive between requests', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (): Promise<boolean> =>
      new Promise((resolve, reject) => {
        const req = httpRequest(`${upstream.url}/chat/completions`, { method: 'POST', agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(req.reusedSocket));
        });
        req.on('error', reject);
        req.end(JSON.stringify(upstreamChatBody()));
      });

    try {
      expect(await send()).toBe(false);
      expect(await send()).toBe(true);
    } finally {
      agent.destroy();
    }
  });
});
