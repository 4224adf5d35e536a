import { readFileSync } from 'node:fs';

/** The last `lines` lines of a log file, for error messages; empty when it cannot be read. */
export function readLogTail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
