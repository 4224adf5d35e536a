import type { ConfigIssue } from '../../application/config/gateway-snapshot';

/** Orders issues by file, then key path, then message, so that reports are stable. */
export function sortIssues(issues: readonly ConfigIssue[]): ConfigIssue[] {
  return [...issues].sort(
    (a, b) => compare(a.file, b.file) || compare(a.path, b.path) || compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
