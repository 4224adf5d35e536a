import * as path from 'node:path';

/**
 * Whether a watcher event can change what the loader reads: a `*.toml` file added, changed or
 * removed in the root or one of its folders, a folder of the root added or removed (which also
 * covers the root itself going away, and a ConfigMap's `..data` symlink being swapped), or a
 * folder named `*.toml` in one of its folders, which the loader reports as an error.
 */
export function isConfigTreeChange(root: string, event: string, changed: string): boolean {
  const relative = path.relative(root, changed);
  const depth = relative === '' ? 0 : relative.split(path.sep).length;
  switch (event) {
    case 'add':
    case 'change':
    case 'unlink':
      return depth >= 1 && depth <= 2 && relative.endsWith('.toml');
    case 'addDir':
    case 'unlinkDir':
      return depth <= 1 || (depth === 2 && relative.endsWith('.toml'));
    default:
      return false;
  }
}
