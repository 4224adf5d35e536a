import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { encodeOpenAiError } from '../../infrastructure/protocols/openai/encode-openai-response';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export interface OpenAiErrorReply {
  readonly status: number;
  readonly message: string;
  readonly type: string;
  readonly code: string | null;
  readonly param?: string | null;
  readonly headers?: OutgoingHttpHeaders;
}

export function sendOpenAiError(res: ServerResponse, reply: OpenAiErrorReply): void {
  const body = encodeOpenAiError(reply.message, reply.type, reply.code, reply.param ?? null);
  sendJson(res, reply.status, body, reply.headers);
}
