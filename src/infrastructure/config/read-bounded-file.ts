import { lstat, open } from 'node:fs/promises';

/** What reading one configuration file found. */
export type BoundedRead =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'too_large'; readonly bytes: number }
  | { readonly kind: 'folder' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'dangling_link' }
  | { readonly kind: 'link_loop' }
  | { readonly kind: 'unreadable'; readonly reason: string };

const CHUNK_BYTES = 64 * 1024;

/**
 * Reads a file as UTF-8 unless it is bigger than `maxBytes`: the size is checked before reading,
 * and reading stops one byte past the limit should the file grow meanwhile. Symbolic links are
 * followed (Kubernetes mounts ConfigMaps as links); a loop or a link to nothing is told apart
 * from a file that simply is not there.
 */
export async function readBoundedFile(file: string, maxBytes: number): Promise<BoundedRead> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    return failedOpen(file, error);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) return { kind: 'folder' };
    if (stats.size > maxBytes) return { kind: 'too_large', bytes: stats.size };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return { kind: 'too_large', bytes: Math.max(total, (await handle.stat()).size) };
    }
    return { kind: 'text', text: Buffer.concat(chunks, total).toString('utf8') };
  } catch (error) {
    return errorCode(error) === 'EISDIR' ? { kind: 'folder' } : { kind: 'unreadable', reason: reason(error) };
  } finally {
    await handle.close();
  }
}

async function failedOpen(file: string, error: unknown): Promise<BoundedRead> {
  switch (errorCode(error)) {
    case 'ELOOP':
      return { kind: 'link_loop' };
    case 'EISDIR':
      return { kind: 'folder' };
    case 'ENOENT':
      return (await isSymbolicLink(file)) ? { kind: 'dangling_link' } : { kind: 'missing' };
    default:
      return { kind: 'unreadable', reason: reason(error) };
  }
}

async function isSymbolicLink(file: string): Promise<boolean> {
  try {
    return (await lstat(file)).isSymbolicLink();
  } catch {
    return false;
  }
}

// Duck-typed rather than `instanceof Error`: errors from node:fs may come from another realm (as under jest).
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

export function reason(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
}
