import { mkdir, rename, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { callsBeforeSentinel, makeTree, recordJudgedEvents, startCounting, waitFor } from './watcher-fixture';

/**
 * Kubernetes mounts a ConfigMap as symlinks into `..data`, itself a symlink to a timestamped
 * folder; an update writes a new folder and renames a new `..data` link over the old one.
 */
describe('ConfigTreeWatcher over a ConfigMap-style mount', () => {
  const posixOnly = process.platform === 'win32' ? it.skip : it;

  posixOnly('sees the `..data` link swapped to a new version of the files', async () => {
    const events = recordJudgedEvents();
    const tree = await makeTree();
    const mount = path.join(tree.dir, 'mount');
    await mkdir(mount);
    const writeVersion = async (name: string, strategy: string): Promise<void> => {
      await mkdir(path.join(mount, name, 'pools'), { recursive: true });
      await writeFile(path.join(mount, name, '_registry.toml'), '');
      await writeFile(path.join(mount, name, 'pools', 'fast.toml'), `strategy = "${strategy}"\n`);
    };
    await writeVersion('..2026_01_01', 'round_robin');
    await symlink('..2026_01_01', path.join(mount, '..data'));
    await symlink('..data/_registry.toml', path.join(mount, '_registry.toml'));
    await symlink('..data/pools', path.join(mount, 'pools'));
    const counting = await startCounting(mount);
    try {
      await writeVersion('..2026_01_02', 'random');
      await symlink('..2026_01_02', path.join(mount, '..data_tmp'));
      await rename(path.join(mount, '..data_tmp'), path.join(mount, '..data'));
      await waitFor(() => counting.calls() >= 1);
      expect(await callsBeforeSentinel(mount, counting, events)).toBe(1);
    } finally {
      await counting.watcher.close();
      await tree.remove();
      events.restore();
    }
  });
});
