import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConfigTreeWatcher } from '../../../../src/infrastructure/config-watch/config-tree-watcher';

/** A small configuration tree on disk, in a fresh temp folder. */
export async function makeTree(): Promise<{ dir: string; file(relative: string): string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'switchyard-watch-'));
  await mkdir(path.join(dir, 'pools'));
  await mkdir(path.join(dir, 'providers'));
  await writeFile(path.join(dir, '_registry.toml'), '[server]\nport = 8080\n');
  await writeFile(path.join(dir, 'providers', 'a.toml'), 'protocol = "mock"\n');
  await writeFile(path.join(dir, 'pools', 'fast.toml'), 'strategy = "round_robin"\n');
  return {
    dir,
    file: (relative) => path.join(dir, ...relative.split('/')),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A started watcher that counts its callbacks. */
export async function startCounting(dir: string, debounceMs = 50): Promise<{ watcher: ConfigTreeWatcher; calls(): number; errors: Error[] }> {
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

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `condition` until it holds, failing after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not reached within ${timeoutMs} ms`);
    await sleep(10);
  }
}

/** Long enough after a burst (with the 50 ms debounce) for any late event to have been delivered. */
export const QUIET_MS = 300;
