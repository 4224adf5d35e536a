import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startServer } from '../../../src/interfaces/http/start-server';
import { groupOf, openAiProvider, poolOf, writeConfigTree } from '../../support/config-tree';
import { chatBody, postChat } from '../../support/chat-requests';
import { silentLogger } from '../../support/capturing-logger';
import { eventuallyAsync, Harness, type GatewayUnderTest } from '../support/gateway-harness';

interface AttemptBody {
  trigger: string;
  result: string;
  errors: { file: string; path: string; message: string }[];
}

async function postReload(url: string): Promise<{ status: number; body: AttemptBody }> {
  const response = await fetch(`${url}/admin/reload`, { method: 'POST' });
  return { status: response.status, body: (await response.json()) as AttemptBody };
}

async function lastAttempt(url: string): Promise<AttemptBody | null> {
  const body = (await (await fetch(`${url}/admin/config`)).json()) as { lastAttempt: AttemptBody | null };
  return body.lastAttempt;
}

async function servesChat(url: string): Promise<boolean> {
  const response = await postChat(url, chatBody('chat'));
  await response.arrayBuffer();
  return response.status === 200;
}

describe('reloading a huge or hostile tree over HTTP', () => {
  const harness = new Harness();
  afterEach(() => harness.close());

  async function gateway(watch = false): Promise<GatewayUnderTest> {
    const upstream = await harness.upstream();
    return harness.gateway(
      {
        'providers/a.toml': openAiProvider(upstream.url),
        'pools/fast.toml': poolOf(['a']),
        'task-groups/chat.toml': groupOf({ primary: ['fast'] }),
      },
      silentLogger,
      { watch },
    );
  }

  it('answers 422 for a file with 130,000 keys, records the attempt, and keeps serving', async () => {
    const served = await gateway();
    const keys = Array.from({ length: 130_000 }, (_, i) => `k${i} = ${i}`).join('\n');
    await writeFile(path.join(served.configDir, '_registry.toml'), '[server]\nmax_config_file_bytes = 4194304\n');
    await writeFile(path.join(served.configDir, 'pools', 'fast.toml'), `${keys}\n${poolOf(['a'])}\n`);

    const { status, body } = await postReload(served.url);
    expect(status).toBe(422);
    expect(body.result).toBe('rejected');
    expect(body.errors).toHaveLength(51);
    expect(body.errors[50]).toEqual({ file: 'pools/fast.toml', path: '', message: '... and 129950 more problems in this file' });
    expect(await lastAttempt(served.url)).toEqual(body);
    expect(await servesChat(served.url)).toBe(true);
  });

  it('answers 422 naming a file over max_config_file_bytes, its size and the limit', async () => {
    const served = await gateway();
    const big = `# ${'x'.repeat(1_200_000)}\n${poolOf(['a'])}\n`;
    await writeFile(path.join(served.configDir, 'pools', 'fast.toml'), big);
    const { status, body } = await postReload(served.url);
    expect(status).toBe(422);
    expect(body.errors).toEqual([
      {
        file: 'pools/fast.toml',
        path: '',
        message: `the file is ${Buffer.byteLength(big)} bytes, more than max_config_file_bytes (1048576); it was not read`,
      },
    ]);
  });

  it('with watching on, reports a folder named *.toml as the last attempt, and keeps serving', async () => {
    const served = await gateway(true);
    await mkdir(path.join(served.configDir, 'pools', 'archive.toml'));
    await eventuallyAsync(async () => (await lastAttempt(served.url))?.result === 'rejected');
    expect(await lastAttempt(served.url)).toMatchObject({
      trigger: 'watch',
      errors: [{ file: 'pools/archive.toml', path: '', message: 'is a folder, expected a TOML file' }],
    });
    expect(await servesChat(served.url)).toBe(true);
  });

  (process.platform === 'win32' ? it.skip : it)('with watching on, reports a symbolic link to itself as the last attempt', async () => {
    const served = await gateway(true);
    await symlink('self.toml', path.join(served.configDir, 'pools', 'self.toml'));
    await eventuallyAsync(async () => (await lastAttempt(served.url))?.result === 'rejected');
    expect(await lastAttempt(served.url)).toMatchObject({
      trigger: 'watch',
      errors: [{ file: 'pools/self.toml', path: '', message: 'cannot read the file: symbolic link loop' }],
    });
    expect(await servesChat(served.url)).toBe(true);
  });
});

describe('a secret from the environment in a rejected reload', () => {
  it('appears neither in the 422 of POST /admin/reload nor in GET /admin/config', async () => {
    const secret = 'sk-live-0123456789abcdef';
    const tree = await writeConfigTree({ 'providers/a.toml': 'protocol = "mock"\n', 'pools/fast.toml': poolOf(['a']) });
    const server = await startServer({ configDir: tree.dir, host: '127.0.0.1', port: 0, logger: silentLogger, watch: false, env: { OPENAI_API_KEY: secret } });
    try {
      await writeFile(path.join(tree.dir, 'providers', 'b.toml'), 'protocol = "openai"\nbase_url = "${OPENAI_API_KEY}"\n');
      const { status, body } = await postReload(server.url);
      expect(status).toBe(422);
      expect(body.errors).toEqual([
        { file: 'providers/b.toml', path: 'base_url', message: 'expected an http(s) URL, got a string from the environment (24 characters)' },
      ]);
      const status2 = await (await fetch(`${server.url}/admin/config`)).text();
      expect(status2).not.toContain('0123456789abcdef');
    } finally {
      await server.close();
      await tree.remove();
    }
  });
});
