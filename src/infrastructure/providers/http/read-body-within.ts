import type { Dispatcher } from 'undici';

/**
 * Reads a whole upstream body of at most `limit` bytes; undefined, with the body destroyed and
 * nothing more read, when it is longer. One copy at most (none for a single-chunk body). Read from
 * the stream's events rather than an async iterator: this runs for every non-streamed answer, and
 * the iterator costs a promise per chunk plus its own end-of-stream machinery.
 */
export function readBodyWithin(body: Dispatcher.ResponseData['body'], limit: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanUp();
        // destroy() reports the abort as an error event, which nobody needs any more.
        body.on('error', ignore);
        body.destroy();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanUp();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void => {
      cleanUp();
      reject(error);
    };
    const onClose = (): void => {
      cleanUp();
      reject(new Error('the upstream body closed before its end'));
    };
    const cleanUp = (): void => {
      body.off('data', onData);
      body.off('end', onEnd);
      body.off('error', onError);
      body.off('close', onClose);
    };
    body.on('data', onData);
    body.once('end', onEnd);
    body.once('error', onError);
    body.once('close', onClose);
  });
}

function ignore(): void {}
