import { readFile } from 'node:fs/promises';

/** Number of lines in a text file; 0 when it cannot be read. */
export async function countLines(file: string): Promise<number> {
  try {
    const text = await readFile(file);
    let lines = 0;
    for (let at = text.indexOf(10); at !== -1; at = text.indexOf(10, at + 1)) lines += 1;
    return lines;
  } catch {
    return 0;
  }
}
