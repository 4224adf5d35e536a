import http from 'node:http';
import type { Duplex } from 'node:stream';
import { SwitchyardError } from '../../domain/errors/switchyard-error';
import { httpStatusForError } from './http-status-for-error';
import { openAiErrorBody } from './openai-error-body';

/** An error raised by Node's HTTP layer for a connection: llhttp's `HPE_*` codes, `ERR_HTTP_REQUEST_TIMEOUT`, socket errors. */
type ClientError = Error & { readonly code?: string; readonly reason?: string };

/** The response in progress on a server socket; Node keeps it there, undocumented, and checks it the same way. */
type ServerSocket = Duplex & { readonly _httpMessage?: { readonly headersSent: boolean } | null };

/** How long a socket may take to take the answer before it is cut anyway. */
const LINGER_MS = 2000;

/**
 * The server's `clientError` listener. Node answers errors of its own HTTP layer (a NUL byte in a
 * header, headers over the size limit, a malformed request line, a request read too slowly) with a
 * bare status line; this answers them in OpenAI's JSON error format instead, then closes the
 * connection. When a response has already started on the socket, or the socket cannot be written,
 * there is nothing sensible to say and the socket is destroyed.
 */
export function answerClientError(requestReadTimeoutMs: number) {
  return (error: ClientError, socket: Duplex): void => {
    const inFlight = (socket as ServerSocket)._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || (inFlight !== undefined && inFlight !== null && inFlight.headersSent)) {
      socket.destroy();
      return;
    }
    const failure = switchyardErrorFor(error, requestReadTimeoutMs);
    const status = httpStatusForError(failure);
    const linger = setTimeout(() => socket.destroy(), LINGER_MS);
    linger.unref();
    socket.end(rawJsonResponse(status, JSON.stringify(openAiErrorBody(failure, status))), () => {
      clearTimeout(linger);
      socket.destroy();
    });
  };
}

function switchyardErrorFor(error: ClientError, requestReadTimeoutMs: number): SwitchyardError {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new SwitchyardError(
        'request_timeout',
        `The request was not received in full within ${requestReadTimeoutMs} ms (request_read_timeout_ms).`,
      );
    case 'HPE_HEADER_OVERFLOW':
      return new SwitchyardError('request_headers_too_large', `The request headers are larger than ${http.maxHeaderSize} bytes.`);
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return new SwitchyardError('payload_too_large', 'The request body has chunk extensions that are too large.');
    default:
      return new SwitchyardError('invalid_request', `The request is not valid HTTP/1.1 (${error.reason ?? error.code ?? 'parse error'}).`);
  }
}

function rawJsonResponse(status: number, body: string): string {
  return (
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\n` +
    'content-type: application/json; charset=utf-8\r\n' +
    `content-length: ${Buffer.byteLength(body)}\r\n` +
    'connection: close\r\n\r\n' +
    body
  );
}
