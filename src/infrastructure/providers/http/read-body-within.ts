import type { Dispatcher } from 'undici';

/**
 * Reads a whole upstream body of at most `limit` bytes; undefined, with the body destroyed and
 * nothing more read, when it is longer. One copy at most (none for a single-chunk body).
 */
export async function readBodyWithin(body: Dispatcher.ResponseData['body'], limit: number): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) {
      body.destroy();
      return undefined;
    }
    chunks.push(buffer);
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
}
