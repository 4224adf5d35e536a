/** Describes a TOML value for an error message: `string "3"`, `integer 0`, `table`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `string ${JSON.stringify(value)}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `integer ${value}` : `float ${value}`;
  if (typeof value === 'boolean') return `boolean ${value}`;
  if (value instanceof Date) return 'date-time';
  if (Array.isArray(value)) return value.length === 1 ? 'array of 1 item' : `array of ${value.length} items`;
  if (typeof value === 'object' && value !== null) return 'table';
  return typeof value;
}

/** "expected <description>, got <what was there>", or that the key is missing. */
export function expectationMessage(description: string, input: unknown): string {
  return input === undefined
    ? `required key is missing; expected ${description}`
    : `expected ${description}, got ${describeValue(input)}`;
}
