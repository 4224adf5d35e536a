import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createGateway, type Gateway, type ReloadAttempt } from '../../../src';
import { groupOf, openAiProvider, poolOf, writeConfigTree } from '../../support/config-tree';
import { chatBody, postChat } from '../../support/chat-requests';
import { silentLogger } from '../../support/capturing-logger';
import { eventuallyAsync, Harness, type GatewayUnderTest } from '../support/gateway-harness';

interface AttemptBody {
  at: string;
  trigger: string;
  result: string;
  durationMs: number;
  errors: { file: string; path: string; message: string }[];
  change: { pools: { changed: string[] }; instances: { added: string[] }; needsRestart: string[] } | null;
}

interface StatusBody {
  configDir: string;
  version: string;
  loadedAt: string;
  lastAttempt: AttemptBody | null;
  lastChange: AttemptBody | null;
}

/** Saves like an editor does: write a temp file, rename it over the target. */
async function saveAtomically(configDir: string, relative: string, text: string): Promise<void> {
  const target = path.join(configDir, relative);
  await writeFile(`${target}.tmp`, text);
  await rename(`${target}.tmp`, target);
}

async function postReload(gateway: GatewayUnderTest): Promise<{ status: number; body: AttemptBody }> {
  const response = await fetch(`${gateway.url}/admin/reload`, { method: 'POST' });
  return { status: response.status, body: (await response.json()) as AttemptBody };
}

async function getStatus(gateway: GatewayUnderTest): Promise<StatusBody> {
  return (await (await fetch(`${gateway.url}/admin/config`)).json()) as StatusBody;
}

/** The instances that served `count` requests in a row. */
async function servingInstances(gateway: GatewayUnderTest, count = 4): Promise<Set<string>> {
  const served = new Set<string>();
  for (let i = 0; i < count; i += 1) {
    const response = await postChat(gateway.url, chatBody('chat'));
    expect(response.status).toBe(200);
    served.add(response.headers.get('x-switchyard-instance') ?? '');
    await response.arrayBuffer();
  }
  return served;
}

describe('config reload over HTTP', () => {
  const harness = new Harness();
  afterEach(() => harness.close());

  async function gatewayWithPoolOfA(watch = false): Promise<GatewayUnderTest> {
    const a = await harness.upstream();
    const b = await harness.upstream();
    return harness.gateway(
      {
        '_registry.toml': '[server]\nport = 8080\n',
        'providers/a.toml': openAiProvider(a.url),
        'providers/b.toml': openAiProvider(b.url),
        'pools/fast.toml': poolOf(['a']),
        'task-groups/chat.toml': groupOf({ primary: ['fast'] }),
      },
      silentLogger,
      { watch },
    );
  }

  it('POST /admin/reload applies an edited pool: the new instance gets traffic', async () => {
    const gateway = await gatewayWithPoolOfA();
    expect(await servingInstances(gateway)).toEqual(new Set(['a']));
    await saveAtomically(gateway.configDir, 'pools/fast.toml', poolOf(['a', 'b']));

    const { status, body } = await postReload(gateway);
    expect(status).toBe(200);
    expect(body).toMatchObject({ trigger: 'admin', result: 'applied', errors: [] });
    expect(new Date(body.at).toISOString()).toBe(body.at);
    expect(body.change?.pools.changed).toEqual(['fast']);
    expect(body.change?.instances.added).toEqual(['fast/b']);
    expect(await servingInstances(gateway)).toEqual(new Set(['a', 'b']));

    const again = await postReload(gateway);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ result: 'unchanged', change: null });
  });

  it('answers 422 naming the file and key of an invalid edit, and keeps routing as it was', async () => {
    const gateway = await gatewayWithPoolOfA();
    const before = await getStatus(gateway);
    await saveAtomically(
      gateway.configDir,
      'pools/fast.toml',
      'strategy = "round_robin"\n[[instances]]\nprovider = "nowhere"\nmodel = "m"\n',
    );

    const { status, body } = await postReload(gateway);
    expect(status).toBe(422);
    expect(body).toMatchObject({ trigger: 'admin', result: 'rejected', change: null });
    expect(body.errors).toContainEqual(expect.objectContaining({ file: 'pools/fast.toml', path: 'instances[0].provider' }));
    expect(await servingInstances(gateway)).toEqual(new Set(['a']));

    const after = await getStatus(gateway);
    expect(after.version).toBe(before.version);
    expect(after.loadedAt).toBe(before.loadedAt);
    expect(after.lastAttempt).toMatchObject({ result: 'rejected', errors: body.errors });
    expect(after.lastChange).toBeNull();
  });

  it('GET /admin/config reports the version in force, when it was loaded, and the last attempt and change', async () => {
    const gateway = await gatewayWithPoolOfA();
    const initial = await getStatus(gateway);
    expect(initial).toMatchObject({ configDir: gateway.configDir, lastAttempt: null, lastChange: null });
    expect(initial.version).toMatch(/^[0-9a-f]{8,}$/);
    expect(Number.isNaN(Date.parse(initial.loadedAt))).toBe(false);

    await saveAtomically(gateway.configDir, 'pools/fast.toml', poolOf(['a', 'b']));
    const applied = await postReload(gateway);
    await saveAtomically(gateway.configDir, 'pools/fast.toml', 'strategy = 42\n');
    const rejected = await postReload(gateway);

    const status = await getStatus(gateway);
    expect(status.version).not.toBe(initial.version);
    expect(Date.parse(status.loadedAt)).toBeGreaterThanOrEqual(Date.parse(initial.loadedAt));
    expect(status.lastAttempt).toEqual(rejected.body);
    expect(status.lastChange).toEqual(applied.body);
  });

  it('applies a [server] change only after a restart, and says so', async () => {
    const gateway = await gatewayWithPoolOfA();
    await saveAtomically(gateway.configDir, '_registry.toml', '[server]\nport = 9191\n');
    const { status, body } = await postReload(gateway);
    expect(status).toBe(200);
    expect(body.result).toBe('applied');
    expect(body.change?.needsRestart).toEqual(['server.port (8080 -> 9191)']);
    expect(await servingInstances(gateway, 1)).toEqual(new Set(['a']));
  });

  it('with watching on, picks an edit up within a second without being asked', async () => {
    const gateway = await gatewayWithPoolOfA(true);
    const started = Date.now();
    await saveAtomically(gateway.configDir, 'pools/fast.toml', poolOf(['a', 'b']));
    await eventuallyAsync(async () => (await getStatus(gateway)).lastChange?.trigger === 'watch', 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await servingInstances(gateway)).toEqual(new Set(['a', 'b']));
  });

  it('without watching, an edit changes nothing until a reload is asked for', async () => {
    const gateway = await gatewayWithPoolOfA(false);
    await saveAtomically(gateway.configDir, 'pools/fast.toml', poolOf(['a', 'b']));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await getStatus(gateway)).lastAttempt).toBeNull();
    expect(await servingInstances(gateway)).toEqual(new Set(['a']));
  });
});

describe("the facade's reload(), configStatus() and 'reload' events", () => {
  const mockProvider = (reply: string) => `protocol = "mock"\n[mock]\nreply = "${reply}"\n`;
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  async function gatewayOver(watch?: boolean): Promise<{ gateway: Gateway; dir: string; heard: ReloadAttempt[] }> {
    const tree = await writeConfigTree({
      'providers/a.toml': mockProvider('from a'),
      'providers/b.toml': mockProvider('from b'),
      'pools/fast.toml': poolOf(['a']),
      'task-groups/chat.toml': groupOf({ primary: ['fast'] }),
    });
    closers.push(() => tree.remove());
    const gateway = await createGateway({ configDir: tree.dir, logger: silentLogger, ...(watch !== undefined ? { watch } : {}) });
    closers.push(() => gateway.close());
    const heard: ReloadAttempt[] = [];
    gateway.on('reload', (attempt) => heard.push(attempt));
    return { gateway, dir: tree.dir, heard };
  }

  const ask = (gateway: Gateway) => gateway.chat({ model: 'chat', messages: [{ role: 'user', content: 'Hi' }] });

  it('reload() applies an edit, emits one reload event with the attempt, and configStatus() shows it', async () => {
    const { gateway, dir, heard } = await gatewayOver();
    const before = gateway.configStatus();
    expect(before).toMatchObject({ lastAttempt: undefined, lastChange: undefined });

    await saveAtomically(dir, 'pools/fast.toml', poolOf(['b']));
    const attempt = await gateway.reload();
    expect(attempt).toMatchObject({ trigger: 'api', result: 'applied', errors: [] });
    expect(attempt.change?.instances).toEqual({ added: ['fast/b'], removed: ['fast/a'], changed: [] });
    expect(heard).toEqual([attempt]);
    expect((await ask(gateway)).switchyard.instance).toBe('b');

    const status = gateway.configStatus();
    expect(status.version).not.toBe(before.version);
    expect(status.loadedAt.getTime()).toBeGreaterThanOrEqual(before.loadedAt.getTime());
    expect(status.lastAttempt).toBe(attempt);
    expect(status.lastChange).toBe(attempt);

    expect((await gateway.reload()).result).toBe('unchanged');
    expect(heard).toHaveLength(1);
  });

  it('reload() reports a rejected edit without emitting, and routing stays as it was', async () => {
    const { gateway, dir, heard } = await gatewayOver();
    const version = gateway.configStatus().version;
    await saveAtomically(dir, 'pools/fast.toml', 'strategy = "round_robin"\n[[instances]]\nprovider = "a"\nmodel = "m"\nweight = "heavy"\n');
    const attempt = await gateway.reload();
    expect(attempt.result).toBe('rejected');
    expect(attempt.errors).toContainEqual(expect.objectContaining({ file: 'pools/fast.toml', path: 'instances[0].weight' }));
    expect(heard).toEqual([]);
    expect(gateway.configStatus()).toMatchObject({ version, lastAttempt: attempt, lastChange: undefined });
    expect((await ask(gateway)).switchyard.instance).toBe('a');
  });

  it('a listener that throws does not turn an applied reload into a failure', async () => {
    const { gateway, dir, heard } = await gatewayOver();
    gateway.on('reload', () => {
      throw new Error('listener bug');
    });
    await saveAtomically(dir, 'pools/fast.toml', poolOf(['b']));
    await expect(gateway.reload()).resolves.toMatchObject({ result: 'applied' });
    expect(heard).toHaveLength(1);
  });

  it('watches only when asked to, and then emits for edits on disk', async () => {
    const quiet = await gatewayOver();
    await saveAtomically(quiet.dir, 'pools/fast.toml', poolOf(['b']));
    const watching = await gatewayOver(true);
    await saveAtomically(watching.dir, 'pools/fast.toml', poolOf(['b']));
    await eventuallyAsync(async () => watching.heard.length === 1, 1000);
    expect(watching.heard[0]).toMatchObject({ trigger: 'watch', result: 'applied' });
    expect(quiet.heard).toEqual([]);
    expect(quiet.gateway.configStatus().lastAttempt).toBeUndefined();
  });

  it('refuses to reload once closed', async () => {
    const { gateway } = await gatewayOver();
    await gateway.close();
    await expect(gateway.reload()).rejects.toMatchObject({ code: 'gateway_closed' });
  });
});
