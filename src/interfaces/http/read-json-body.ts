import type { IncomingMessage } from 'node:http';
import { isJsonContentType } from './json-content-type';
import { JsonDepthScanner } from './json-depth-scanner';

export type JsonBodyResult =
  | { readonly ok: true; readonly body: unknown }
  | { readonly ok: false; readonly reason: JsonBodyFailure; readonly message: string };

export type JsonBodyFailure = 'not_json' | 'too_large' | 'too_deep' | 'malformed' | 'encoded' | 'aborted';

/** What a request body may be: at most `maxBytes` long, arrays and objects at most `maxDepth` deep. */
export interface JsonBodyLimits {
  readonly maxBytes: number;
  readonly maxDepth: number;
}

/**
 * Reads and parses a JSON request body under a size and a nesting limit. A lean replacement for
 * body-parser on the routing hot path: no charset or inflation machinery, one Buffer.concat and one
 * JSON.parse. Nesting is checked while the bytes arrive, so a hostile body is refused before it is
 * buffered whole; a body that passes can be parsed and serialised again without exhausting the stack.
 */
export function readJsonBody(req: IncomingMessage, limits: JsonBodyLimits): Promise<JsonBodyResult> {
  const limitBytes = limits.maxBytes;
  if (!isJsonContentType(req.headers['content-type'])) {
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
    const depth = new JsonDepthScanner(limits.maxDepth);
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
      if (!depth.accept(chunk)) {
        settle(tooDeep(limits.maxDepth));
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

function tooDeep(maxDepth: number): JsonBodyResult {
  return { ok: false, reason: 'too_deep', message: `The request body nests arrays and objects more than ${maxDepth} levels deep (max_json_depth).` };
}
