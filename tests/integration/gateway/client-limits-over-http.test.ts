import { groupOf, openAiProvider, poolOf } from '../../support/config-tree';
import { chatBody, postChat } from '../../support/chat-requests';
import { Harness } from '../support/gateway-harness';

interface ErrorBody {
  error: { code: string; message: string; attempts?: { instance: string; failure: string; status?: number }[] };
}

describe('client limits over real HTTP (x-switchyard-timeout-ms, x-switchyard-max-attempts)', () => {
  const harness = new Harness();
  afterEach(() => harness.close());

  it('x-switchyard-timeout-ms lowers the deadline: the same slow upstream becomes a 504', async () => {
    const slow = await harness.upstream({ latencyMs: 800 });
    const gateway = await harness.gateway({
      'providers/slow.toml': openAiProvider(slow.url),
      'pools/p.toml': poolOf(['slow']),
      'task-groups/chat.toml': groupOf({ only: ['p'] }, 'max_attempts = 3\ntimeout_ms = 5000'),
    });

    // The configured budget (5 s) covers the upstream's 800 ms.
    expect((await postChat(gateway.url, chatBody('chat'))).status).toBe(200);

    const limited = await postChat(gateway.url, chatBody('chat'), { 'x-switchyard-timeout-ms': '150' });
    const body = (await limited.json()) as ErrorBody;
    expect(limited.status).toBe(504);
    expect(body.error.code).toBe('deadline_exceeded');
    expect(body.error.message).toContain('150 ms');
  });

  it('x-switchyard-timeout-ms cannot raise the configured deadline', async () => {
    const slow = await harness.upstream({ latencyMs: 1500 });
    const gateway = await harness.gateway({
      'providers/slow.toml': openAiProvider(slow.url),
      'pools/p.toml': poolOf(['slow']),
      'task-groups/chat.toml': groupOf({ only: ['p'] }, 'max_attempts = 3\ntimeout_ms = 200'),
    });
    const response = await postChat(gateway.url, chatBody('chat'), { 'x-switchyard-timeout-ms': '60000' });
    expect(response.status).toBe(504);
    expect(((await response.json()) as ErrorBody).error.message).toContain('200 ms');
  });

  it('x-switchyard-max-attempts 1 stops after the first failed attempt: 503 listing exactly one attempt', async () => {
    const broken = await harness.upstream({ failureRate: 1, failureStatus: 502 });
    const healthy = await harness.upstream();
    const gateway = await harness.gateway({
      'providers/broken.toml': openAiProvider(broken.url),
      'providers/healthy.toml': openAiProvider(healthy.url),
      'pools/p.toml': poolOf(['broken', 'healthy']),
      'task-groups/chat.toml': groupOf({ only: ['p'] }),
    });

    // Without the header, round robin tries `broken` first and fails over to `healthy`.
    const unlimited = await postChat(gateway.url, chatBody('chat'));
    expect(unlimited.status).toBe(200);
    expect(unlimited.headers.get('x-switchyard-attempts')).toBe('2');
    // Round robin is back at `broken`: with one attempt allowed, nothing is left to fail over to.
    const limited = await postChat(gateway.url, chatBody('chat'), { 'x-switchyard-max-attempts': '1' });
    const body = (await limited.json()) as ErrorBody;
    expect(limited.status).toBe(503);
    expect(body.error.code).toBe('all_attempts_failed');
    expect(body.error.attempts?.map((attempt) => `${attempt.instance}:${attempt.status ?? '-'}`)).toEqual(['broken:502']);
    expect(limited.headers.get('x-switchyard-attempts')).toBe('1');
    expect(healthy.stats().requests).toBe(1);
    expect(broken.stats().requests).toBe(2);
  });

  it.each([
    ['x-switchyard-timeout-ms', 'abc'],
    ['x-switchyard-timeout-ms', '0'],
    ['x-switchyard-timeout-ms', '-5'],
    ['x-switchyard-timeout-ms', '1.5'],
    ['x-switchyard-timeout-ms', ''],
    ['x-switchyard-max-attempts', 'two'],
    ['x-switchyard-max-attempts', '0'],
    ['x-switchyard-max-attempts', '1e3'],
  ])('answers %s: %j with a 400 and calls no upstream', async (header, value) => {
    const upstream = await harness.upstream();
    const gateway = await harness.gateway({
      'providers/u.toml': openAiProvider(upstream.url),
      'pools/p.toml': poolOf(['u']),
      'task-groups/chat.toml': groupOf({ only: ['p'] }),
    });
    const response = await postChat(gateway.url, chatBody('chat'), { [header]: value });
    const body = (await response.json()) as ErrorBody;
    expect(response.status).toBe(400);
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toContain(header);
    expect(upstream.stats().requests).toBe(0);
  });
});
