import type { UpstreamFailure } from '../../../application/ports/llm-client';
import { errorMessage } from '../../../domain/errors/error-message';
import { maskCredentials } from '../../../domain/secrets/mask-credentials';

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const CONNECT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
]);

/**
 * Turns an error thrown by undici (or the socket below it) into a failed attempt. Its text is
 * masked: `secrets` (the provider's key and header values) word for word, then anything credential-like.
 */
export function describeTransportError(error: unknown, signal: AbortSignal, secrets: readonly string[] = []): UpstreamFailure {
  const code = errorCode(error);
  const message = maskCredentials(errorMessage(error), secrets);
  if (signal.aborted) return { kind: 'failed', reason: 'aborted', message: `aborted: ${maskCredentials(abortReason(signal), secrets)}` };
  if (code !== undefined && TIMEOUT_CODES.has(code)) return { kind: 'failed', reason: 'timeout', message: `${code}: ${message}` };
  if (code !== undefined && (CONNECT_CODES.has(code) || code.startsWith('ERR_TLS') || code.includes('CERT'))) {
    return { kind: 'failed', reason: 'connect', message: `${code}: ${message}` };
  }
  return { kind: 'failed', reason: 'protocol', message: code === undefined ? message : `${code}: ${message}` };
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function abortReason(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason.message : String(reason);
}
