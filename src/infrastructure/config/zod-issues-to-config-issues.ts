import type { z } from 'zod';
import type { ConfigIssue } from '../../application/config/gateway-snapshot';
import { describeValue, expectationMessage } from './describe-value';
import { formatKeyPath } from './key-path';
import { originOf, type ValueOrigin } from './value-origin';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  object: 'a table',
  record: 'a table',
  array: 'an array',
};

/**
 * Messages for the issues a schema did not word itself. Pass it as the per-parse `error`; schema
 * level messages (see schemas/toml-fields.ts) take precedence over it.
 */
export const describeZodIssue: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return expectationMessage(TYPE_NAMES[issue.expected] ?? issue.expected, issue.input);
    case 'invalid_value': {
      const values = issue.values.map((value) => JSON.stringify(value));
      return expectationMessage(values.length === 1 ? String(values[0]) : `one of ${values.join(', ')}`, issue.input);
    }
    case 'too_small':
      return expectationMessage(boundDescription('at least', issue.origin, issue.minimum), issue.input);
    case 'too_big':
      return expectationMessage(boundDescription('at most', issue.origin, issue.maximum), issue.input);
    case 'unrecognized_keys':
      return '';
    default:
      return undefined;
  }
};

function boundDescription(bound: 'at least' | 'at most', origin: string, limit: number | bigint): string {
  if (origin === 'array') return `${bound} ${limit} ${limit === 1 ? 'entry' : 'entries'}`;
  if (origin === 'string') return `${bound} ${limit} ${limit === 1 ? 'character' : 'characters'}`;
  return `a value ${bound} ${limit}`;
}

/**
 * One config issue per zod issue, except that each unknown key gets its own issue on its own path.
 * Error maps see a value but not where it came from; here, knowing its path and whether it came
 * from the environment (parse with `reportInput: true`), a message that shows a value it must
 * not is worded again (see value-origin.ts).
 */
export function zodIssuesToConfigIssues(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  fromEnvironment: ReadonlySet<string> = new Set(),
): ConfigIssue[] {
  const result: ConfigIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const suffix = issue.message ? `; ${issue.message}` : '';
        result.push({ file, path: formatKeyPath([...issue.path, key]), message: `unknown key "${key}"${suffix}` });
      }
    } else {
      const origin = originOf(issue.path, issue.input, fromEnvironment);
      const message = origin === 'written' ? issue.message : hideValue(issue.message, issue.input, origin);
      result.push({ file, path: formatKeyPath(issue.path), message });
    }
  }
  return result;
}

/** Replaces the value's usual description, and the value itself wherever it is quoted, by what may be said of it. */
function hideValue(message: string, value: unknown, origin: ValueOrigin): string {
  const hidden = describeValue(value, origin);
  let worded = message.split(describeValue(value)).join(hidden);
  if (typeof value === 'string' && value !== '') {
    for (const quoted of new Set([JSON.stringify(value), `"${value}"`])) worded = worded.split(quoted).join(hidden);
  }
  return worded;
}
