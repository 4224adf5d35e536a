import { mkdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { callsBeforeSentinel, makeTree, recordJudgedEvents, startCounting, waitFor } from './watcher-fixture';

describe('ConfigTreeWatcher', () => {
  let tree: Awaited<ReturnType<typeof makeTree>>;
  let counting: Awaited<ReturnType<typeof startCounting>>;
  let events: ReturnType<typeof recordJudgedEvents>;

  beforeEach(async () => {
    events = recordJudgedEvents();
    tree = await makeTree();
    counting = await startCounting(tree.dir);
  });

  afterEach(async () => {
    await counting.watcher.close();
    await tree.remove();
    events.restore();
  });

  /** The callbacks made so far, once the watcher has provably seen everything before now (see callsBeforeSentinel). */
  const settledCalls = (): Promise<number> => callsBeforeSentinel(tree.dir, counting, events);

  /** Waits for the first callback, then proves, by a later change, that no second one came for the same burst. */
  async function expectOneCallback(): Promise<void> {
    await waitFor(() => counting.calls() >= 1);
    expect(await settledCalls()).toBe(1);
  }

  it('calls back once for an edit', async () => {
    await writeFile(tree.file('pools/fast.toml'), 'strategy = "random"\n');
    await expectOneCallback();
  });

  it('calls back once for a burst of ten writes', async () => {
    for (let i = 0; i < 10; i += 1) await writeFile(tree.file('pools/fast.toml'), `strategy = "random"\n# edit ${i}\n`);
    await expectOneCallback();
  });

  it('sees an atomic save: a temp file renamed over the target', async () => {
    await writeFile(tree.file('pools/fast.toml.tmp-4711'), 'strategy = "p2c"\n');
    await rename(tree.file('pools/fast.toml.tmp-4711'), tree.file('pools/fast.toml'));
    await expectOneCallback();
  });

  it('keeps seeing atomic saves of the same file, one callback each', async () => {
    for (let save = 1; save <= 3; save += 1) {
      const before = counting.calls();
      await writeFile(tree.file('pools/fast.toml.tmp-4711'), `strategy = "p2c"\n# save ${save}\n`);
      await rename(tree.file('pools/fast.toml.tmp-4711'), tree.file('pools/fast.toml'));
      await waitFor(() => counting.calls() > before);
      // Each sentinel adds a callback of its own: the save made exactly one more.
      expect(await settledCalls()).toBe(before + 1);
    }
  });

  it("sees vim's save: test file, backup rename, new file, backup removed", async () => {
    await writeFile(tree.file('pools/4913'), '');
    await unlink(tree.file('pools/4913'));
    await rename(tree.file('pools/fast.toml'), tree.file('pools/fast.toml~'));
    await writeFile(tree.file('pools/fast.toml'), 'strategy = "random"\n');
    await unlink(tree.file('pools/fast.toml~'));
    await expectOneCallback();
  });

  it('sees a file added', async () => {
    await writeFile(tree.file('pools/slow.toml'), 'strategy = "random"\n');
    await expectOneCallback();
  });

  it('sees a file deleted', async () => {
    await unlink(tree.file('pools/fast.toml'));
    await expectOneCallback();
  });

  it('sees a file renamed', async () => {
    await rename(tree.file('pools/fast.toml'), tree.file('pools/quick.toml'));
    await expectOneCallback();
  });

  it('sees the registry edited', async () => {
    await writeFile(tree.file('_registry.toml'), '[server]\nport = 9090\n');
    await expectOneCallback();
  });

  it('sees an entity folder added with files, and one removed', async () => {
    await mkdir(tree.file('task-groups'));
    await writeFile(tree.file('task-groups/chat.toml'), 'max_attempts = 2\n');
    await expectOneCallback();
    const before = counting.calls();
    await rm(tree.file('providers'), { recursive: true });
    await waitFor(() => counting.calls() > before);
    expect(events.relevant()).toContain('unlinkDir providers');
  });

  it('ignores hidden files, editor leftovers and files that are not TOML', async () => {
    const leftovers = [
      'pools/.fast.toml.swp',
      'pools/.fast.toml.swx',
      'pools/fast.toml~',
      'pools/4913',
      'pools/.#fast.toml',
      'pools/#fast.toml#',
      'pools/fast.toml.tmp',
      'pools/fast.toml___jb_tmp___',
      'pools/notes.txt',
      '.hidden.toml',
      'README.md',
    ];
    for (const relative of leftovers) await writeFile(tree.file(relative), 'x');
    await writeFile(tree.file('pools/notes.txt'), 'changed');
    for (const relative of leftovers) await unlink(tree.file(relative));
    await mkdir(tree.file('.git'));
    await writeFile(tree.file('.git/HEAD.toml'), 'x');
    expect(await settledCalls()).toBe(0);
    expect(events.relevant()).toHaveLength(1);
    expect(events.relevant()[0]).toMatch(/^addDir sentinel-\d+$/);
  });

  it('ignores TOML files deeper than the entity folders, which the loader does not read', async () => {
    await mkdir(tree.file('pools/archive'));
    await writeFile(tree.file('pools/archive/old.toml'), 'strategy = "random"\n');
    expect(await settledCalls()).toBe(0);
    expect(events.relevant().filter((entry) => entry.includes('archive'))).toEqual([]);
  });

  it('drops a pending callback on close and stays silent afterwards; close is idempotent', async () => {
    const slow = await startCounting(tree.dir, 600);
    // Same debounce, same events, left open: when it calls back, so would the closed one have.
    const reference = await startCounting(tree.dir, 600);
    try {
      await writeFile(tree.file('pools/fast.toml'), 'strategy = "random"\n');
      await waitFor(() => counting.calls() >= 1); // the fast watcher saw it, so the slow ones have their timers running
      expect(reference.calls()).toBe(0);
      await slow.watcher.close();
      await slow.watcher.close();
      await writeFile(tree.file('pools/fast.toml'), 'strategy = "p2c"\n');
      await waitFor(() => reference.calls() >= 1);
      expect(slow.calls()).toBe(0);
    } finally {
      await reference.watcher.close();
    }
  });

  it('reports no errors during ordinary use', async () => {
    await writeFile(tree.file('pools/fast.toml'), 'strategy = "random"\n');
    await waitFor(() => counting.calls() >= 1);
    expect(counting.errors).toEqual([]);
  });
});
