import { rename, writeFile } from 'node:fs/promises';
import { makeTree, sleep, startCounting, waitFor } from './watcher-fixture';

/** Active handles and requests by type, e.g. { FSEventWrap: 3, Timeout: 1 }. */
function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

describe('ConfigTreeWatcher resources', () => {
  it('leaves no watcher, timer or request behind after its files were replaced 50 times', async () => {
    const tree = await makeTree();
    try {
      await sleep(20);
      const before = activeResources();
      const counting = await startCounting(tree.dir);
      expect(process.getActiveResourcesInfo().length).toBeGreaterThan(Object.values(before).reduce((a, b) => a + b, 0));
      for (let i = 0; i < 50; i += 1) {
        const target = i % 2 === 0 ? 'pools/fast.toml' : 'providers/a.toml';
        await writeFile(tree.file(`${target}.tmp`), i % 2 === 0 ? `strategy = "random"\n# ${i}\n` : `protocol = "mock"\n# ${i}\n`);
        await rename(tree.file(`${target}.tmp`), tree.file(target));
        if (i % 10 === 9) await sleep(60); // let some bursts through, so watches are re-made mid-run
      }
      await waitFor(() => counting.calls() >= 1);
      await writeFile(tree.file('pools/fast.toml'), 'strategy = "p2c"\n'); // leave a debounce timer pending
      await sleep(5);
      const callsAtClose = counting.calls();
      await counting.watcher.close();
      // Resources are compared by type, exactly; the wait covers fs requests chokidar started just
      // before close (a stat or readdir), which end on their own within a few milliseconds.
      await waitFor(() => JSON.stringify(activeResources()) === JSON.stringify(before), 2000).catch(() => undefined);
      expect(activeResources()).toEqual(before);
      await writeFile(tree.file('pools/fast.toml'), 'strategy = "random"\n');
      await sleep(300);
      expect(counting.calls()).toBe(callsAtClose);
    } finally {
      await tree.remove();
    }
  });
});
