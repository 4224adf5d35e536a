import type { ConfigIssue } from '../../application/config/gateway-snapshot';

/**
 * Keeps the first `max` issues of each file and counts the rest in one closing issue, so that a
 * file with a hundred thousand mistakes yields a readable report. Expects issues sorted by file.
 */
export function capIssuesPerFile(issues: readonly ConfigIssue[], max: number): ConfigIssue[] {
  const kept: ConfigIssue[] = [];
  let file: string | undefined;
  let seen = 0;
  const closeFile = (): void => {
    if (file !== undefined && seen > max) kept.push({ file, path: '', message: `... and ${seen - max} more problems in this file` });
  };
  for (const issue of issues) {
    if (issue.file !== file) {
      closeFile();
      file = issue.file;
      seen = 0;
    }
    seen += 1;
    if (seen <= max) kept.push(issue);
  }
  closeFile();
  return kept;
}
