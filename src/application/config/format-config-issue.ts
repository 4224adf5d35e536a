import type { ConfigIssue } from './gateway-snapshot';

/** `file: key: problem` for a line of text; a problem of the whole tree has no file, and says only what it is. */
export function formatConfigIssue(issue: ConfigIssue): string {
  return issue.file === '' ? issue.message : `${issue.file}: ${issue.path || '(file)'}: ${issue.message}`;
}
