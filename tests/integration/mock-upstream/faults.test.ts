import { startMockUpstream, type MockUpstream } from '../../../src/interfaces/mock-upstream/start-mock-upstream';
import { postUpstreamChat, upstreamChatBody } from '../../support/chat-requests';
import { readUntilEnd, ssePayloads, waitFor } from './mock-upstream-client';

describe('mock-upstream fault injection', () => {
  let upstream: MockUpstream | undefined;

  afterEach(async () => {
    await upstream?.close();
    upstream = undefined;
  });

  it('answers failureRate 1 with failureStatus, an OpenAI error body and Retry-After', async () => {
    upstream = await startMockUpstream({ knobs: { failureRate: 1, failureStatus: 429, retryAfterSeconds: 7 } });

    const response = await postUpstreamChat(upstream.url, upstreamChatBody());

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    const body = (await response.json()) as { error: { message: string; type: string; code: string } };
    expect(body.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limit_exceeded' });
    expect(upstream.stats()).toMatchObject({ failures: 1, completions: 0 });
  });

  it('sends no Retry-After when retryAfterSeconds is null', async () => {
    upstream = await startMockUpstream({ knobs: { failureRate: 1 } });

    const response = await postUpstreamChat(upstream.url, upstreamChatBody());

    expect(response.status).toBe(500);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe('server_error');
  });

  it('destroys the socket when resetRate is 1', async () => {
    upstream = await startMockUpstream({ knobs: { resetRate: 1 } });

    await expect(postUpstreamChat(upstream.url, upstreamChatBody())).rejects.toThrow();

    expect(upstream.stats().resets).toBe(1);
    await waitFor(() => upstream!.stats().active === 0);
  });

  it('never answers when hangRate is 1, and forgets the request once the client gives up', async () => {
    upstream = await startMockUpstream({ knobs: { hangRate: 1 } });

    await expect(postUpstreamChat(upstream.url, upstreamChatBody(), { signal: AbortSignal.timeout(100) })).rejects.toThrow();

    expect(upstream.stats().hangs).toBe(1);
    await waitFor(() => upstream!.stats().active === 0);
  });

  it('closes even while a request hangs, failing that request', async () => {
    upstream = await startMockUpstream({ knobs: { hangRate: 1 } });
    const pending = postUpstreamChat(upstream.url, upstreamChatBody());
    await waitFor(() => upstream!.stats().hangs === 1);

    await upstream.close();

    await expect(pending).rejects.toThrow();
  });

  it.each([
    ['without delays', 0],
    ['with chunk delays', 5],
  ])('cuts a stream after streamCutAfterChunks chunks %s', async (_label, chunkDelayMs) => {
    upstream = await startMockUpstream({
      knobs: { streamCutAfterChunks: 2, chunkDelayMs, reply: 'abcdefgh', chunks: 4 },
    });

    const response = await postUpstreamChat(upstream.url, upstreamChatBody({ stream: true }));
    const { text, error } = await readUntilEnd(response);

    expect(response.status).toBe(200);
    expect(error).toBeDefined();
    expect(ssePayloads(text)).toHaveLength(2);
    expect(text).not.toContain('[DONE]');
    await waitFor(() => upstream!.stats().active === 0);
    expect(upstream.stats().aborted).toBe(0);
  });

  it('stops writing a slow stream when the client aborts, and counts it as aborted', async () => {
    // 400 chunks 50 ms apart (a reply long enough to cut into 400 pieces): 20 s, far longer than
    // the wait below, so only the abort can end it in time.
    upstream = await startMockUpstream({ knobs: { chunkDelayMs: 50, chunks: 400, reply: 'word '.repeat(400) } });
    const controller = new AbortController();
    const response = await postUpstreamChat(upstream.url, upstreamChatBody({ stream: true }), { signal: controller.signal });
    await response.body!.getReader().read();
    expect(upstream.stats()).toMatchObject({ active: 1, aborted: 0 });

    controller.abort();

    await waitFor(() => upstream!.stats().active === 0);
    expect(upstream.stats()).toMatchObject({ streams: 1, aborted: 1 });
  });

  it('does not count a stream that ran to its end as aborted', async () => {
    upstream = await startMockUpstream({ knobs: { chunkDelayMs: 1, chunks: 4 } });
    const { text } = await readUntilEnd(await postUpstreamChat(upstream.url, upstreamChatBody({ stream: true })));

    expect(text).toContain('[DONE]');
    await waitFor(() => upstream!.stats().active === 0);
    expect(upstream.stats()).toMatchObject({ streams: 1, aborted: 0 });
  });

  it('rolls reset, then hang, then failure with the injected random source', async () => {
    const rolls = [0.9, 0.9, 0.1, 0.9, 0.9, 0.9];
    upstream = await startMockUpstream({
      knobs: { resetRate: 0.5, hangRate: 0.5, failureRate: 0.5 },
      random: () => rolls.shift() ?? 0.9,
    });

    expect((await postUpstreamChat(upstream.url, upstreamChatBody())).status).toBe(500);
    expect((await postUpstreamChat(upstream.url, upstreamChatBody())).status).toBe(200);
    expect(rolls).toEqual([]);
    expect(upstream.stats()).toMatchObject({ failures: 1, completions: 1, hangs: 0, resets: 0 });
  });
});
