import http from 'node:http';
import { startServer, type SwitchyardServer } from '../../../src/interfaces/http/start-server';
import type { Logger } from '../../../src/application/ports/logger';
import { CapturingLogger, silentLogger } from '../../support/capturing-logger';
import { groupOf, openAiProvider, poolOf, writeConfigTree } from '../../support/config-tree';
import { Harness } from '../support/gateway-harness';

interface Answer {
  readonly status: number;
  readonly body: { error?: { code: string; type: string; message: string } };
}

/** One request with full control of the headers (fetch will not send a chosen `Host`). */
function request(port: number, method: string, path: string, headers: http.OutgoingHttpHeaders = {}, body = ''): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: { ...headers, 'content-length': Buffer.byteLength(body) }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['body'] }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function expectForbidden(answer: Answer): void {
  expect(answer.status).toBe(403);
  expect(answer.body.error).toMatchObject({ code: 'forbidden', type: 'permission_error' });
}

describe('admin routes against browsers and wrong credentials, over real HTTP', () => {
  const harness = new Harness();
  const servers: SwitchyardServer[] = [];
  const trees: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
    for (const remove of trees.splice(0)) await remove();
    await harness.close();
  });

  async function serve(options: { env?: Record<string, string>; host?: string; logger?: Logger; registry?: string } = {}): Promise<SwitchyardServer> {
    const upstream = await harness.upstream();
    const tree = await writeConfigTree({
      '_registry.toml': options.registry ?? '[server]\nallowed_hosts = ["gateway.internal"]\n',
      'providers/u.toml': openAiProvider(upstream.url),
      'pools/p.toml': poolOf(['u']),
      'task-groups/chat.toml': groupOf({ only: ['p'] }),
    });
    trees.push(tree.remove);
    const server = await startServer({
      configDir: tree.dir,
      host: options.host ?? '127.0.0.1',
      port: 0,
      logger: options.logger ?? silentLogger,
      watch: false,
      env: options.env ?? {},
    });
    servers.push(server);
    return server;
  }

  it('refuses a foreign Host (DNS rebinding) and answers loopback names, IP literals and allowed_hosts', async () => {
    const { port } = await serve();
    expectForbidden(await request(port, 'GET', '/admin/pools', { host: 'evil.example' }));
    expectForbidden(await request(port, 'GET', '/admin/config', { host: `evil.example:${port}` }));
    expectForbidden(await request(port, 'POST', '/admin/reload', { host: 'evil.example', 'content-type': 'application/json' }, '{}'));
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'localhost', `[::1]:${port}`, 'gateway.internal:443']) {
      expect([host, (await request(port, 'GET', '/admin/pools', { host })).status]).toEqual([host, 200]);
    }
    expect((await request(port, 'GET', '/healthz', { host: 'evil.example' })).status).toBe(200);
  });

  it('refuses cross-site form posts to /admin/reload and accepts JSON ones', async () => {
    const { port } = await serve();
    expectForbidden(await request(port, 'POST', '/admin/reload', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=1'));
    expectForbidden(await request(port, 'POST', '/admin/reload', { 'content-type': 'text/plain' }, '{}'));
    expectForbidden(await request(port, 'POST', '/admin/reload', { origin: 'https://evil.example' }));
    const json = await request(port, 'POST', '/admin/reload', { 'content-type': 'application/json' }, '{}');
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ trigger: 'admin' });
  });

  it('refuses a wrong admin token even from loopback, and accepts the right one', async () => {
    const { port } = await serve({ env: { SWITCHYARD_ADMIN_TOKEN: 'right-token-123' } });
    expectForbidden(await request(port, 'GET', '/admin/pools', { authorization: 'Bearer wrong-token-123' }));
    expectForbidden(await request(port, 'POST', '/admin/reload', { authorization: 'Bearer wrong-token-123', 'content-type': 'application/json' }, '{}'));
    expect((await request(port, 'GET', '/admin/pools', { authorization: 'Bearer right-token-123' })).status).toBe(200);
    const formWithToken = await request(
      port,
      'POST',
      '/admin/reload',
      { authorization: 'Bearer right-token-123', 'content-type': 'application/x-www-form-urlencoded' },
      'a=1',
    );
    expect(formWithToken.status).toBe(200);
    expect((await request(port, 'GET', '/admin/pools')).status).toBe(200);
  });

  it('warns at start when serving on a non-loopback address without SWITCHYARD_ADMIN_TOKEN', async () => {
    const exposed = new CapturingLogger();
    const server = await serve({ host: '0.0.0.0', logger: exposed });
    expect((await request(server.port, 'GET', '/healthz')).status).toBe(200);
    const warning = exposed.lines.find((line) => line.level === 'warn' && line.message.includes('SWITCHYARD_ADMIN_TOKEN'));
    expect(warning).toBeDefined();

    const withToken = new CapturingLogger();
    await serve({ host: '0.0.0.0', logger: withToken, env: { SWITCHYARD_ADMIN_TOKEN: 'right-token-123' } });
    const loopback = new CapturingLogger();
    await serve({ logger: loopback });
    for (const logger of [withToken, loopback]) {
      expect(logger.lines.filter((line) => line.message.includes('SWITCHYARD_ADMIN_TOKEN'))).toEqual([]);
    }
  });
});
