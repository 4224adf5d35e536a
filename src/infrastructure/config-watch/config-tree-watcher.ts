import * as path from 'node:path';
import { type FSWatcher, watch } from 'chokidar';
import { BrokenLinks } from './broken-links';
import { isConfigFilePath } from './is-config-file-path';
import { isConfigTreeChange } from './is-config-tree-change';
import { isIgnoredConfigPath } from './is-ignored-config-path';
import { TrailingDebounce } from './trailing-debounce';

export const DEFAULT_CONFIG_WATCH_DEBOUNCE_MS = 200;

export interface ConfigTreeWatcherOptions {
  /** The configuration tree: the folder holding `_registry.toml` and the entity folders. */
  readonly dir: string;
  /** Called once per burst of changes, `debounceMs` after the last one. */
  readonly onChange: () => void;
  /** Called when the file system reports a problem (such as running out of watches); watching goes on. */
  readonly onError: (error: Error) => void;
  readonly debounceMs?: number;
}

/**
 * Watches a configuration tree (the root and its folders, one level deep, as the loader reads it)
 * for `*.toml` files being edited, added, removed or renamed, including editors' atomic saves
 * (write a temp file, rename it over the target). No `awaitWriteFinish`: it would hold every event
 * back by its stability threshold, and a reload that reads a half-written file is only rejected
 * (the last good configuration stays) and followed by another once the write ends. A `*.toml`
 * entry turning into a broken symbolic link (a loop, a link to itself or to nothing), or back,
 * counts as a change too, so that the reload reports it.
 */
export class ConfigTreeWatcher {
  private readonly root: string;
  private readonly debounce: TrailingDebounce;
  private readonly brokenLinks = new BrokenLinks();
  private watcher: FSWatcher | undefined;
  private started: Promise<void> | undefined;
  private markReady: (() => void) | undefined;
  private closing: Promise<void> | undefined;

  public constructor(private readonly options: ConfigTreeWatcherOptions) {
    this.root = path.resolve(options.dir);
    this.debounce = new TrailingDebounce(options.debounceMs ?? DEFAULT_CONFIG_WATCH_DEBOUNCE_MS, options.onChange);
  }

  /** Starts watching; resolves once the tree has been scanned, from which point every change is seen. */
  public start(): Promise<void> {
    if (this.closing !== undefined) return Promise.resolve();
    this.started ??= new Promise<void>((resolve) => {
      this.markReady = resolve;
      const watcher = watch(this.root, {
        ignoreInitial: true,
        depth: 1,
        // The debounce already folds an editor's unlink + add into one reload; chokidar's own
        // folding would hold every unlink back 100 ms, on a timer that outlives close().
        atomic: false,
        ignored: (candidate, stats) => isIgnoredConfigPath(this.root, candidate, stats?.isFile()),
      });
      watcher.on('all', (event: string, changed: string) => {
        if (this.closing === undefined && isConfigTreeChange(this.root, event, changed)) this.debounce.schedule();
      });
      watcher.on('raw', (_event, name, details) => this.checkLink(name, details));
      watcher.on('error', (error: unknown) => this.options.onError(error instanceof Error ? error : new Error(String(error))));
      watcher.once('ready', resolve);
      this.watcher = watcher;
    });
    return this.started;
  }

  /** Stops watching and drops a pending callback. Idempotent. */
  public close(): Promise<void> {
    this.closing ??= this.stop();
    return this.closing;
  }

  private async stop(): Promise<void> {
    this.debounce.dispose();
    this.markReady?.();
    await this.watcher?.close();
  }

  /** chokidar stays silent about broken links; its raw events name every entry that changed, so look at those. */
  private checkLink(name: string, details: unknown): void {
    const folder = typeof details === 'object' && details !== null && 'watchedPath' in details ? details.watchedPath : undefined;
    if (this.closing !== undefined || typeof folder !== 'string' || name === '') return;
    const candidate = path.resolve(folder, name);
    if (!isConfigFilePath(this.root, candidate) || isIgnoredConfigPath(this.root, candidate, undefined)) return;
    void this.brokenLinks.changed(candidate).then((changed) => {
      if (changed && this.closing === undefined) this.debounce.schedule();
    });
  }
}
