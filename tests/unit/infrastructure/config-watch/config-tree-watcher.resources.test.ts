import { rename, writeFile } from 'node:fs/promises';
import { makeTree, recordJudgedEvents, startCounting, waitFor } from './watcher-fixture';

/** What a watcher may hold: file-system watches and timers (its debounce, chokidar's throttles). */
const WATCHER_RESOURCES = new Set(['FSEventWrap', 'StatWatcher', 'Timeout']);

/** Watcher-held handles by type, e.g. { FSEventWrap: 3, Timeout: 1 }; fs requests in flight are left out. */
function watcherResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) {
    if (WATCHER_RESOURCES.has(type)) counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

describe('ConfigTreeWatcher resources', () => {
  it('leaves no watcher or timer behind after its files were replaced 50 times', async () => {
    const events = recordJudgedEvents();
    const tree = await makeTree();
    try {
      const before = watcherResources();
      const counting = await startCounting(tree.dir);
      expect(watcherResources().FSEventWrap ?? 0).toBeGreaterThan(before.FSEventWrap ?? 0);
      for (let i = 0; i < 50; i += 1) {
        const target = i % 2 === 0 ? 'pools/fast.toml' : 'providers/a.toml';
        await writeFile(tree.file(`${target}.tmp`), i % 2 === 0 ? `strategy = "random"\n# ${i}\n` : `protocol = "mock"\n# ${i}\n`);
        await rename(tree.file(`${target}.tmp`), tree.file(target));
        // Let a burst through now and then, so watches are re-made mid-run.
        if (i % 10 === 9) {
          const calls = counting.calls();
          await waitFor(() => counting.calls() > calls);
        }
      }
      // Leave a debounce timer pending: close once the watcher has seen this write.
      const seen = events.relevant().length;
      await writeFile(tree.file('pools/fast.toml'), 'strategy = "p2c"\n');
      await waitFor(() => events.relevant().length > seen);
      const callsAtClose = counting.calls();
      await counting.watcher.close();
      // Handles are released asynchronously (an fs.watch closes on the next turn); wait for them, then compare exactly.
      await waitFor(() => JSON.stringify(watcherResources()) === JSON.stringify(before), 5000).catch(() => undefined);
      expect(watcherResources()).toEqual(before);

      // A watcher left open (and its callback) shows when the closed one would have called back.
      const reference = await startCounting(tree.dir);
      try {
        await writeFile(tree.file('pools/fast.toml'), 'strategy = "random"\n');
        await waitFor(() => reference.calls() >= 1);
        expect(counting.calls()).toBe(callsAtClose);
      } finally {
        await reference.watcher.close();
      }
    } finally {
      events.restore();
      await tree.remove();
    }
  });
});
