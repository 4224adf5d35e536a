import type { ServerResponse } from 'node:http';
import type { ServedBy } from '../../application/route-chat/route-chat-types';
import type { RouteChatOutcome } from '../../application/route-chat/route-chat-types';
import type { StreamingResponse } from '../../application/ports/llm-client';
import { SwitchyardError } from '../../domain/errors/switchyard-error';
import { httpStatusForError } from './http-status-for-error';
import { openAiErrorBody } from './openai-error-body';
import { errorMessage } from '../../domain/errors/error-message';

/** Headers that say what served the request. */
export function setRoutingHeaders(res: ServerResponse, servedBy: ServedBy | undefined, attempts: number): void {
  if (servedBy !== undefined) {
    if (servedBy.group !== undefined) res.setHeader('x-switchyard-group', servedBy.group);
    if (servedBy.tier !== undefined) res.setHeader('x-switchyard-tier', servedBy.tier);
    res.setHeader('x-switchyard-pool', servedBy.pool);
    res.setHeader('x-switchyard-instance', servedBy.instance);
  }
  res.setHeader('x-switchyard-attempts', String(attempts));
}

export function sendError(res: ServerResponse, error: SwitchyardError, param: string | null = null): void {
  const status = httpStatusForError(error);
  const body = JSON.stringify(openAiErrorBody(error, status, param));
  if (error.details.retryAfterMs !== undefined) res.setHeader('retry-after', Math.ceil(error.details.retryAfterMs / 1000));
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

/** Writes a routing outcome in OpenAI's format; upstream answers are sent as the bytes they arrived as. */
export async function writeRoutedResponse(res: ServerResponse, outcome: RouteChatOutcome): Promise<void> {
  if (outcome.kind === 'rejected') {
    setRoutingHeaders(res, outcome.servedBy, outcome.attempts.length);
    const upstream = outcome.upstreamResponse;
    if (upstream !== undefined) {
      sendBytes(res, upstream.status, upstream.contentType, upstream.body);
    } else if (!res.writableEnded && !res.destroyed) {
      sendError(res, outcome.error);
    }
    return;
  }
  setRoutingHeaders(res, outcome.servedBy, outcome.attempts);
  const response = outcome.response;
  if (response.kind === 'completed') {
    sendBytes(res, response.status, response.contentType, response.body);
    return;
  }
  await pipeStream(res, response);
}

/** Sends upstream bytes as they are: plain node APIs, no copy, no content-type rewriting. */
function sendBytes(res: ServerResponse, status: number, contentType: string, body: Uint8Array): void {
  res.statusCode = status;
  res.setHeader('content-type', contentType);
  res.setHeader('content-length', body.byteLength);
  res.end(body);
}

async function pipeStream(res: ServerResponse, response: StreamingResponse): Promise<void> {
  res.statusCode = response.status;
  res.setHeader('content-type', 'text/event-stream; charset=utf-8');
  res.setHeader('cache-control', 'no-cache');
  res.setHeader('x-accel-buffering', 'no');
  // No flushHeaders(): a served stream has its first event in hand already, and the first write
  // sends the headers with it in one syscall.
  const chunks = response.chunks[Symbol.asyncIterator]();
  const abandon = (): void => {
    void chunks.return?.();
  };
  res.once('close', abandon);
  try {
    for (;;) {
      const next = await chunks.next();
      if (next.done === true) break;
      if (res.destroyed) break;
      if (!res.write(next.value)) await drained(res);
    }
  } catch (error) {
    if (!res.destroyed) {
      const message = `The upstream stream failed midway: ${errorMessage(error)}`;
      const failure = new SwitchyardError('stream_interrupted', message);
      res.write(`data: ${JSON.stringify(openAiErrorBody(failure, httpStatusForError(failure)))}\n\n`);
    }
  } finally {
    res.off('close', abandon);
    if (!res.writableEnded) res.end();
  }
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
