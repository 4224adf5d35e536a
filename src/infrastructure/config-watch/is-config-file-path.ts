import * as path from 'node:path';

/** Whether `candidate` is where the loader looks for a file: a `*.toml` entry in the root or one of its folders. */
export function isConfigFilePath(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return false;
  const depth = relative.split(path.sep).length;
  return depth <= 2 && relative.endsWith('.toml');
}
