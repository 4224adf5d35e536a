import type { IncomingMessage } from 'node:http';

export type JsonBodyResult =
  | { readonly ok: true; readonly body: unknown }
  | { readonly ok: false; readonly reason: 'not_json' | 'too_large' | 'malformed' | 'encoded' | 'aborted'; readonly message: string };

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

/**
 * Reads and parses a JSON request body under a size limit. A lean replacement for body-parser on
 * the routing hot path: no charset or inflation machinery, one Buffer.concat and one JSON.parse.
 */
export function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<JsonBodyResult> {
  const type = req.headers['content-type'];
  if (type === undefined || !JSON_TYPE.test(type)) {
    req.resume();
    return Promise.resolve({ ok: false, reason: 'not_json', message: 'The request body must be JSON (Content-Type: application/json).' });
  }
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
    req.resume();
    return Promise.resolve({ ok: false, reason: 'encoded', message: `Content-Encoding "${encoding}" is not supported; send the body uncompressed.` });
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limitBytes) {
    req.resume();
    return Promise.resolve(tooLarge(limitBytes));
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: JsonBodyResult): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limitBytes) {
        settle(tooLarge(limitBytes));
        req.resume();
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      const text = chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks, size).toString('utf8');
      try {
        settle({ ok: true, body: JSON.parse(text) as unknown });
      } catch (error) {
        settle({ ok: false, reason: 'malformed', message: `The request body is not valid JSON: ${(error as Error).message}` });
      }
    };
    const onError = (error: Error): void => settle({ ok: false, reason: 'aborted', message: error.message });
    const onAborted = (): void => settle({ ok: false, reason: 'aborted', message: 'the client aborted the request' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

function tooLarge(limitBytes: number): JsonBodyResult {
  return { ok: false, reason: 'too_large', message: `The request body is larger than ${limitBytes} bytes.` };
}
