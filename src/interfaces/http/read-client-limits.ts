import type { IncomingHttpHeaders } from 'node:http';

export type ClientLimitsResult =
  | { readonly ok: true; readonly limits: { timeoutMs?: number; maxAttempts?: number } | undefined }
  | { readonly ok: false; readonly message: string };

const TIMEOUT_HEADER = 'x-switchyard-timeout-ms';
const ATTEMPTS_HEADER = 'x-switchyard-max-attempts';
const DIGITS = /^\d{1,12}$/;

/**
 * Reads the limits a client may set for itself. They can only lower the configured ones (the use
 * case takes the minimum); a malformed value is the client's error, not silently ignored.
 */
export function readClientLimits(headers: IncomingHttpHeaders): ClientLimitsResult {
  const timeout = headers[TIMEOUT_HEADER];
  const attempts = headers[ATTEMPTS_HEADER];
  if (timeout === undefined && attempts === undefined) return { ok: true, limits: undefined };
  const limits: { timeoutMs?: number; maxAttempts?: number } = {};
  if (timeout !== undefined) {
    const value = positiveInteger(timeout);
    if (value === undefined) return { ok: false, message: `\`${TIMEOUT_HEADER}\` must be a whole number of milliseconds >= 1.` };
    limits.timeoutMs = value;
  }
  if (attempts !== undefined) {
    const value = positiveInteger(attempts);
    if (value === undefined) return { ok: false, message: `\`${ATTEMPTS_HEADER}\` must be a whole number >= 1.` };
    limits.maxAttempts = value;
  }
  return { ok: true, limits };
}

function positiveInteger(raw: string | string[]): number | undefined {
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (text === undefined || !DIGITS.test(text.trim())) return undefined;
  const value = Number(text.trim());
  return value >= 1 ? value : undefined;
}
