import type { Dispatcher } from 'undici';

/** Reads at most `limit` bytes of an upstream body (an error answer), then drops the rest. */
export async function readLimitedBody(body: Dispatcher.ResponseData['body'], limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    chunks.push(buffer);
    size += buffer.length;
    if (size >= limit) {
      body.destroy();
      break;
    }
  }
  return new Uint8Array(Buffer.concat(chunks).subarray(0, limit));
}
