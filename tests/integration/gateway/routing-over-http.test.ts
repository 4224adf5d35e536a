import { groupOf, openAiProvider, poolOf } from '../../support/config-tree';
import { chatBody, postChat } from '../../support/chat-requests';
import { eventually, Harness } from '../support/gateway-harness';

describe('routing over real HTTP', () => {
  const harness = new Harness();
  afterEach(() => harness.close());

  it('fails over to the next instance of the tier and says so in the headers', async () => {
    const broken = await harness.upstream({ failureRate: 1, failureStatus: 500 });
    const healthy = await harness.upstream();
    const gateway = await harness.gateway({
      'providers/broken.toml': openAiProvider(broken.url),
      'providers/healthy.toml': openAiProvider(healthy.url),
      'pools/main.toml': poolOf(['broken', 'healthy']),
      'task-groups/chat.toml': groupOf({ primary: ['main'] }),
    });
    const response = await postChat(gateway.url, chatBody('chat'));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-switchyard-group')).toBe('chat');
    expect(response.headers.get('x-switchyard-tier')).toBe('primary');
    expect(response.headers.get('x-switchyard-pool')).toBe('main');
    expect(response.headers.get('x-switchyard-instance')).toBe('healthy');
    expect(response.headers.get('x-switchyard-attempts')).toBe('2');
    const body = (await response.json()) as { object: string; model: string; choices: { message: { content: string } }[] };
    expect(body.object).toBe('chat.completion');
    expect(body.choices[0]?.message.content).toContain('Hello there');
    expect(broken.stats().requests).toBe(1);
    expect(healthy.stats().lastRequest?.body).toMatchObject({ model: 'model-healthy' });
    expect(healthy.stats().lastRequest?.headers.authorization).toBe('Bearer test-key');
  });

  it('degrades to the next tier when every instance of the first one fails', async () => {
    const failing = await harness.upstream({ failureRate: 1, failureStatus: 503 });
    const resetting = await harness.upstream({ resetRate: 1 });
    const backup = await harness.upstream();
    const gateway = await harness.gateway({
      'providers/failing.toml': openAiProvider(failing.url),
      'providers/resetting.toml': openAiProvider(resetting.url),
      'providers/backup.toml': openAiProvider(backup.url),
      'pools/front.toml': poolOf(['failing', 'resetting']),
      'pools/rear.toml': poolOf(['backup']),
      'task-groups/chat.toml': groupOf({ primary: ['front'], secondary: ['rear'] }),
    });
    const response = await postChat(gateway.url, chatBody('chat'));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-switchyard-tier')).toBe('secondary');
    expect(response.headers.get('x-switchyard-instance')).toBe('backup');
    expect(response.headers.get('x-switchyard-attempts')).toBe('3');
  });

  it('answers 503 listing every attempt when all options are spent', async () => {
    const a = await harness.upstream({ failureRate: 1, failureStatus: 500 });
    const b = await harness.upstream({ failureRate: 1, failureStatus: 429 });
    const gateway = await harness.gateway({
      'providers/a.toml': openAiProvider(a.url),
      'providers/b.toml': openAiProvider(b.url),
      'pools/p.toml': poolOf(['a', 'b']),
      'task-groups/chat.toml': groupOf({ only: ['p'] }, 'max_attempts = 2\ntimeout_ms = 5000'),
    });
    const response = await postChat(gateway.url, chatBody('chat'));
    expect(response.status).toBe(503);
    const body = (await response.json()) as {
      error: { code: string; type: string; message: string; attempts: { instance: string; failure: string; status: number }[] };
    };
    expect(body.error.code).toBe('all_attempts_failed');
    expect(body.error.type).toBe('server_error');
    expect(body.error.message).toMatch(/only\/p\/a: transient \(500\)/);
    expect(body.error.message).toMatch(/only\/p\/b: transient \(429\)/);
    expect(body.error.attempts.map((x) => [x.instance, x.failure, x.status]).sort()).toEqual([
      ['a', 'transient', 500],
      ['b', 'transient', 429],
    ]);
  });

  it('returns an upstream 400 to the client at once, as the upstream sent it', async () => {
    const picky = await harness.upstream({ failureRate: 1, failureStatus: 400 });
    const other = await harness.upstream();
    const gateway = await harness.gateway({
      'providers/picky.toml': openAiProvider(picky.url),
      'providers/other.toml': openAiProvider(other.url),
      'pools/p.toml': poolOf(['picky', 'other']),
      'task-groups/chat.toml': groupOf({ only: ['p'] }),
    });
    const response = await postChat(gateway.url, chatBody('chat'));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { type: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(other.stats().requests).toBe(0);
  });

  it('gives up with 504 at the group deadline when an instance hangs', async () => {
    const hung = await harness.upstream({ hangRate: 1 });
    const gateway = await harness.gateway({
      'providers/hung.toml': openAiProvider(hung.url),
      'pools/p.toml': poolOf(['hung']),
      'task-groups/chat.toml': groupOf({ only: ['p'] }, 'max_attempts = 3\ntimeout_ms = 300'),
    });
    const started = Date.now();
    const response = await postChat(gateway.url, chatBody('chat'));
    expect(response.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(2000);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe('deadline_exceeded');
    await eventually(() => hung.stats().active === 0);
  });

  it('routes a pool addressed directly, without group or tier headers', async () => {
    const upstream = await harness.upstream();
    const gateway = await harness.gateway({
      'providers/u.toml': openAiProvider(upstream.url),
      'pools/direct.toml': poolOf(['u']),
    });
    const response = await postChat(gateway.url, chatBody('direct'));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-switchyard-pool')).toBe('direct');
    expect(response.headers.get('x-switchyard-group')).toBeNull();
    expect(response.headers.get('x-switchyard-tier')).toBeNull();
  });
});
