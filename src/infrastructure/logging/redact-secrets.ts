import { maskCredentials } from '../../domain/secrets/mask-credentials';

const SECRET_KEY = /^(api[_-]?key|authorization|x-api-key|proxy-authorization|password|secret|token)$/i;
const MASK = '[redacted]';

/**
 * Masks every field whose name says it holds a credential, at any depth, and credential-looking
 * text inside every other string (an upstream error that echoes the key it was sent, say).
 * Credentials are never logged on purpose; this is the net under that rule. The top-level record
 * (winston's own per-line object) is changed in place; nested values are copied, never mutated,
 * since they belong to the caller.
 */
export function redactSecrets<T extends object>(record: T): T {
  const fields = record as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    fields[key] = redactValue(key, fields[key]);
  }
  return record;
}

function redactValue(key: string, value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (SECRET_KEY.test(key)) return MASK;
  if (typeof value === 'string') return maskCredentials(value);
  if (Array.isArray(value)) return value.map((item) => redactValue('', item));
  if (typeof value === 'object' && !(value instanceof Error) && !(value instanceof Date)) {
    const copy: Record<string, unknown> = {};
    for (const [nestedKey, nested] of Object.entries(value)) copy[nestedKey] = redactValue(nestedKey, nested);
    return copy;
  }
  return value;
}
