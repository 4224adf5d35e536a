import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { poolOf, writeConfigTree } from '../support/config-tree';
import { CLI, requireBuild, start, stop } from './built-cli';

interface AttemptJson {
  readonly trigger: string;
  readonly result: string;
}

interface ConfigStatusJson {
  readonly version: string;
  readonly lastAttempt: AttemptJson | null;
}

async function configStatus(url: string): Promise<ConfigStatusJson> {
  return (await (await fetch(`${url}/admin/config`)).json()) as ConfigStatusJson;
}

async function routableNames(url: string): Promise<string[]> {
  const body = (await (await fetch(`${url}/v1/models`)).json()) as { data: { id: string }[] };
  return body.data.map((model) => model.id).sort();
}

/** Polls `/admin/config` until `matches` holds (10 s at most, for a busy machine). */
async function statusWhen(url: string, matches: (status: ConfigStatusJson) => boolean): Promise<ConfigStatusJson> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const status = await configStatus(url);
    if (matches(status)) return status;
    if (Date.now() > deadline) throw new Error(`not reported in time; last: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const TREE = {
  'providers/sim.toml': 'protocol = "mock"\n',
  'pools/fast.toml': poolOf(['sim']),
};

describe('switchyard serve and signals (built CLI)', () => {
  const running: ChildProcess[] = [];
  let removeTree: (() => Promise<void>) | undefined;

  beforeAll(requireBuild);
  afterEach(async () => {
    const codes = await Promise.all(running.splice(0).map((child) => stop(child)));
    await removeTree?.();
    removeTree = undefined;
    expect(codes.every((code) => code === 0)).toBe(true);
  });

  async function serve(dir: string, extra: readonly string[] = []): Promise<{ child: ChildProcess; url: string }> {
    const { child, match } = await start([CLI, 'serve', '--config', dir, '--port', '0', ...extra], /"url":"(http:\/\/[^"]+)"/);
    running.push(child);
    return { child, url: match[1] as string };
  }

  async function tree(): Promise<string> {
    const written = await writeConfigTree(TREE);
    removeTree = written.remove;
    return written.dir;
  }

  it('SIGHUP makes a running server reload its tree', async () => {
    const server = await serve(await tree());
    expect((await configStatus(server.url)).lastAttempt).toBeNull();

    server.child.kill('SIGHUP');
    const unchanged = await statusWhen(server.url, (status) => status.lastAttempt !== null);
    expect(unchanged.lastAttempt).toMatchObject({ trigger: 'signal', result: 'unchanged' });
  });

  it('with --no-watch an edited file is not reloaded (while a watching server on the same tree reloads it) until SIGHUP', async () => {
    const dir = await tree();
    const watching = await serve(dir);
    const unwatched = await serve(dir, ['--no-watch']);
    const initialVersion = (await configStatus(unwatched.url)).version;

    await writeFile(path.join(dir, 'pools/extra.toml'), poolOf(['sim']));
    await statusWhen(watching.url, (status) => status.lastAttempt?.result === 'applied');
    // The same file written again (same bytes), reloaded in turn: by now the first edit is older than two debounce periods.
    await writeFile(path.join(dir, 'pools/extra.toml'), poolOf(['sim']));
    await statusWhen(watching.url, (status) => status.lastAttempt?.result === 'unchanged');
    expect(await routableNames(watching.url)).toContain('extra');

    const untouched = await configStatus(unwatched.url);
    expect(untouched.lastAttempt).toBeNull();
    expect(untouched.version).toBe(initialVersion);
    expect(await routableNames(unwatched.url)).not.toContain('extra');

    unwatched.child.kill('SIGHUP');
    const reloaded = await statusWhen(unwatched.url, (status) => status.lastAttempt !== null);
    expect(reloaded.lastAttempt).toMatchObject({ trigger: 'signal', result: 'applied' });
    expect(reloaded.version).not.toBe(initialVersion);
    expect(await routableNames(unwatched.url)).toContain('extra');
  });
});
