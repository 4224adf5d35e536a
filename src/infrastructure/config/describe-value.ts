import { previewText } from '../../domain/secrets/mask-credentials';
import type { ValueOrigin } from './value-origin';

/**
 * Describes a TOML value for an error message: `integer 0`, `table`, `string "3"`,
 * `string "http…" (17 characters)`. A string longer than a few characters is never printed whole;
 * one from the environment, and anything under a credential key, is not printed at all (see
 * value-origin.ts).
 */
export function describeValue(value: unknown, origin: ValueOrigin = 'written'): string {
  if (value === undefined) return 'nothing';
  if (origin === 'credential') return `${kindOf(value)} (hidden: credential key)`;
  if (typeof value === 'string') {
    return origin === 'environment' ? `a string from the environment (${value.length} characters)` : `string ${previewText(value)}`;
  }
  if (typeof value === 'number') return Number.isInteger(value) ? `integer ${value}` : `float ${value}`;
  if (typeof value === 'boolean') return `boolean ${value}`;
  if (value instanceof Date) return 'date-time';
  if (Array.isArray(value)) return value.length === 1 ? 'array of 1 item' : `array of ${value.length} items`;
  if (typeof value === 'object' && value !== null) return 'table';
  return typeof value;
}

/** "expected <description>, got <what was there>", or that the key is missing. */
export function expectationMessage(description: string, input: unknown, origin: ValueOrigin = 'written'): string {
  return input === undefined
    ? `required key is missing; expected ${description}`
    : `expected ${description}, got ${describeValue(input, origin)}`;
}

function kindOf(value: unknown): string {
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a float';
  if (typeof value === 'boolean') return 'a boolean';
  if (value instanceof Date) return 'a date-time';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' && value !== null ? 'a table' : typeof value;
}
