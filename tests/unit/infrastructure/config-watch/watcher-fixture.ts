import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ConfigTreeWatcher } from '../../../../src/infrastructure/config-watch/config-tree-watcher';
import * as changeFilter from '../../../../src/infrastructure/config-watch/is-config-tree-change';
import { writeConfigTree, type ConfigTree } from '../../../support/config-tree';

/** A small configuration tree on disk, in a fresh temp folder. */
export function makeTree(): Promise<ConfigTree> {
  return writeConfigTree({
    '_registry.toml': '[server]\nport = 8080\n',
    'providers/a.toml': 'protocol = "mock"\n',
    'pools/fast.toml': 'strategy = "round_robin"\n',
  });
}

/** The production debounce: wide enough that one save's events, even on a busy machine, fall in one burst. */
export const DEBOUNCE_MS = 200;

/** A started watcher that counts its callbacks. */
export async function startCounting(dir: string, debounceMs = DEBOUNCE_MS): Promise<{ watcher: ConfigTreeWatcher; calls(): number; errors: Error[] }> {
  let calls = 0;
  const errors: Error[] = [];
  const watcher = new ConfigTreeWatcher({
    dir,
    debounceMs,
    onChange: () => {
      calls += 1;
    },
    onError: (error) => errors.push(error),
  });
  await watcher.start();
  return { watcher, calls: () => calls, errors };
}

/**
 * Every event a watcher judged, as `event path` relative to its root, with whether it counts as
 * a change of the tree. Lets a test wait for the file system's report of an operation instead of
 * sleeping for an arbitrary time. Call in `beforeEach`; jest's `restoreMocks` is not relied on.
 */
export function recordJudgedEvents(): { relevant(): string[]; restore(): void } {
  const judged: { readonly entry: string; readonly relevant: boolean }[] = [];
  const original = changeFilter.isConfigTreeChange;
  const spy = jest.spyOn(changeFilter, 'isConfigTreeChange').mockImplementation((root, event, changed) => {
    const relevant = original(root, event, changed);
    judged.push({ entry: `${event} ${path.relative(root, changed).split(path.sep).join('/')}`, relevant });
    return relevant;
  });
  return {
    relevant: () => judged.filter((item) => item.relevant).map((item) => item.entry),
    restore: () => spy.mockRestore(),
  };
}

let sentinels = 0;

/**
 * Proves quiet without sleeping: adds a folder at the root (one relevant event), waits until the
 * watcher has seen it and until the callback it causes, and returns the callbacks made before that
 * one. A late event of an earlier burst either called back before the sentinel was seen (and is
 * counted) or falls into the sentinel's own burst.
 */
export async function callsBeforeSentinel(
  root: string,
  counting: { calls(): number },
  events: { relevant(): string[] },
): Promise<number> {
  sentinels += 1;
  const name = `sentinel-${sentinels}`;
  await mkdir(path.join(root, name));
  await waitFor(() => events.relevant().includes(`addDir ${name}`));
  const atSentinel = counting.calls();
  await waitFor(() => counting.calls() > atSentinel);
  return atSentinel;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `condition` until it holds, failing after `timeoutMs` (generous: it only bounds a failing test). */
export async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not reached within ${timeoutMs} ms`);
    await sleep(10);
  }
}
