import type { IncomingMessage } from 'node:http';

export const MaxRequestBodyBytes = 8 * 1024 * 1024;

export class RequestBodyTooLarge extends RangeError {
  public constructor() {
    super(`request body larger than ${MaxRequestBodyBytes} bytes`);
  }
}

/** Reads the whole body as UTF-8 text; rejects when it is too large or the client goes away. */
export function readRequestBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    let bytes = 0;
    req.setEncoding('utf8');
    req.on('data', (piece: string) => {
      bytes += Buffer.byteLength(piece);
      if (bytes > MaxRequestBodyBytes) {
        req.removeAllListeners('data');
        req.resume();
        reject(new RequestBodyTooLarge());
        return;
      }
      text += piece;
    });
    req.once('end', () => resolve(text));
    req.once('error', reject);
  });
}
