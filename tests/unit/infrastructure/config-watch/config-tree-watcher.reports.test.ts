import { mkdir, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { ConfigTreeWatcher } from '../../../../src/infrastructure/config-watch/config-tree-watcher';
import { makeTree } from './watcher-fixture';

/** A started watcher whose `nextCall()` resolves on its next callback. */
async function startAwaiting(dir: string): Promise<{ watcher: ConfigTreeWatcher; nextCall(): Promise<void> }> {
  let waiting: (() => void) | undefined;
  const watcher = new ConfigTreeWatcher({
    dir,
    debounceMs: 20,
    onChange: () => {
      waiting?.();
      waiting = undefined;
    },
    onError: () => undefined,
  });
  await watcher.start();
  return {
    watcher,
    nextCall: () =>
      new Promise<void>((resolve) => {
        waiting = resolve;
      }),
  };
}

/**
 * Entries the loader rejects (a folder named `*.toml`, a symbolic link loop, a link to nothing)
 * must reach it: each such change calls back, so that the reload records and reports the problem.
 */
describe('ConfigTreeWatcher on entries the loader rejects', () => {
  const posixOnly = process.platform === 'win32' ? it.skip : it;
  let tree: Awaited<ReturnType<typeof makeTree>>;
  let awaiting: Awaited<ReturnType<typeof startAwaiting>>;

  beforeEach(async () => {
    tree = await makeTree();
    awaiting = await startAwaiting(tree.dir);
  });

  afterEach(async () => {
    await awaiting.watcher.close();
    await tree.remove();
  });

  it('calls back for a folder named *.toml added to an entity folder, and for it removed', async () => {
    let called = awaiting.nextCall();
    await mkdir(tree.file('pools/archive.toml'));
    await called;
    called = awaiting.nextCall();
    await rm(tree.file('pools/archive.toml'), { recursive: true });
    await called;
  });

  posixOnly('calls back for a link to itself, and for it removed', async () => {
    let called = awaiting.nextCall();
    await symlink('self.toml', tree.file('pools/self.toml'));
    await called;
    called = awaiting.nextCall();
    await unlink(tree.file('pools/self.toml'));
    await called;
  });

  posixOnly('calls back for a loop of two links', async () => {
    const called = awaiting.nextCall();
    await symlink('b.toml', tree.file('providers/a-link.toml'));
    await symlink('a-link.toml', tree.file('providers/b.toml'));
    await called;
  });

  posixOnly('calls back for a dangling link, and again once its target appears', async () => {
    let called = awaiting.nextCall();
    await symlink('target.data', tree.file('pools/dangling.toml'));
    await called;
    called = awaiting.nextCall();
    await writeFile(tree.file('pools/target.data'), 'strategy = "random"\n');
    await unlink(tree.file('pools/dangling.toml'));
    await symlink('target.data', tree.file('pools/dangling.toml'));
    await called;
  });
});
