import { createHash } from 'node:crypto';
import type { ConfigFile } from './config-file';

/** First 16 hex digits of a SHA-256 over every file's relative path and content, in path order. */
export function contentHash(files: readonly ConfigFile[]): string {
  const hash = createHash('sha256');
  const sorted = [...files].sort((a, b) =>
    a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0,
  );
  for (const file of sorted) {
    // The NUL separators keep ("a", "bc") and ("ab", "c") apart.
    hash.update(file.relativePath).update('\0').update(file.text).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
