import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchResults } from './bench-results';

/** Saves the results as `<ISO timestamp>.json` and `latest.json` in `dir`; returns the first path. */
export async function writeResults(dir: string, results: BenchResults): Promise<string> {
  await mkdir(dir, { recursive: true });
  const text = `${JSON.stringify(results, null, 2)}\n`;
  // Colons are not allowed in Windows file names.
  const file = path.join(dir, `${results.startedAt.replace(/:/g, '-')}.json`);
  await writeFile(file, text);
  await writeFile(path.join(dir, 'latest.json'), text);
  return file;
}
