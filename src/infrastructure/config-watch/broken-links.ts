import { lstat, stat } from 'node:fs/promises';

/**
 * The `*.toml` entries that are symbolic links to nothing or links in a loop. chokidar reports
 * neither as a change (a loop only as an error, a dangling link not at all), yet the loader
 * rejects both, so the watcher asks here after every raw event on such a name.
 */
export class BrokenLinks {
  private readonly known = new Set<string>();

  /**
   * Whether `file` is a broken link now or was one until now: either way the tree the loader
   * reads has changed in a way chokidar does not report. Never rejects.
   */
  public async changed(file: string): Promise<boolean> {
    const broken = await isBrokenLink(file);
    const was = this.known.has(file);
    if (broken) this.known.add(file);
    else this.known.delete(file);
    return broken || was;
  }
}

async function isBrokenLink(file: string): Promise<boolean> {
  try {
    if (!(await lstat(file)).isSymbolicLink()) return false;
  } catch {
    return false;
  }
  try {
    await stat(file);
    return false;
  } catch {
    return true;
  }
}
