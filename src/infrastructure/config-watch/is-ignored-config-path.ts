import * as path from 'node:path';

const TOML_SUFFIX = '.toml';

/** Swap, backup and lock files that editors leave beside the file they save. */
const EDITOR_LEFTOVER = [
  /~$/, // backups (vim `backup`, emacs, nano)
  /\.sw[a-p]$/, // vim swap files
  /^4913$/, // the file vim creates to test whether it may write in the folder
  /^#.*#$/, // emacs auto-saves
  /\.tmp$/,
  /___jb_(?:tmp|old)___$/, // JetBrains safe writes
];

/**
 * Whether the watcher should not even look at `candidate`: hidden entries (`.git`, `.#lock`
 * files, dot-prefixed temp files), editor leftovers, and files that are not `*.toml`. Entries
 * starting with `..` are kept: Kubernetes mounts a ConfigMap as symlinks into `..data`, which it
 * swaps on every update. `isFile` is unknown when chokidar asks without stats; then only the name
 * decides, and the event filter drops what is left.
 */
export function isIgnoredConfigPath(root: string, candidate: string, isFile: boolean | undefined): boolean {
  const relative = path.relative(root, candidate);
  if (relative === '' || relative.startsWith('..' + path.sep) || relative === '..' || path.isAbsolute(relative)) return false;
  const segments = relative.split(path.sep);
  if (segments.some((segment) => segment.startsWith('.') && !segment.startsWith('..'))) return true;
  const name = segments[segments.length - 1] ?? '';
  if (EDITOR_LEFTOVER.some((pattern) => pattern.test(name))) return true;
  return isFile === true && !name.endsWith(TOML_SUFFIX);
}
