import { z } from 'zod';
import { expectationMessage } from '../describe-value';

/** Field schemas shared by every file kind, each with a message that says what was expected and what was found. */

type RawIssue = z.core.$ZodRawIssue;

/** An error function: "expected <description>, got <what was there>". */
export function expecting(description: string): (issue: RawIssue) => string {
  return (issue) => expectationMessage(description, issue.input);
}

export function text() {
  return z.string({ error: expecting('a string') });
}

export function nonEmptyText() {
  const error = expecting('a non-empty string');
  return z.string({ error }).min(1, { error });
}

export function integerAtLeast(min: number) {
  const error = expecting(`integer >= ${min}`);
  return z.int({ error }).min(min, { error });
}

export function integerBetween(min: number, max: number) {
  const error = expecting(`integer between ${min} and ${max}`);
  return z.int({ error }).min(min, { error }).max(max, { error });
}

export function numberBetween(min: number, max: number) {
  const error = expecting(`number between ${min} and ${max}`);
  return z.number({ error }).min(min, { error }).max(max, { error });
}

/** One of a closed set of strings; `message` may word a particular wrong value (undefined: the usual wording). */
export function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
  message?: (input: unknown) => string | undefined,
) {
  const expected = expecting(`one of ${values.map((value) => JSON.stringify(value)).join(', ')}`);
  return z.enum(values, { error: (issue) => message?.(issue.input) ?? expected(issue) });
}

/** A non-empty array of non-empty strings, such as a list of names. */
export function nameList() {
  const error = expecting('a non-empty array of names');
  return z.array(nonEmptyText(), { error }).min(1, { error });
}

/** A table of string values, such as HTTP headers. */
export function stringTable() {
  return z.record(z.string(), text(), { error: expecting('a table of strings') });
}

/**
 * A TOML table that accepts only the given keys. An unknown key is reported on its own path
 * with the allowed keys listed (see `zodIssuesToConfigIssues`).
 */
export function strictTable<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const allowed = `allowed keys: ${Object.keys(shape).join(', ')}`;
  const notATable = expecting('a table');
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return allowed;
      return issue.code === 'invalid_type' ? notATable(issue) : undefined;
    },
  });
}

export function flag() {
  return z.boolean({ error: expecting('true or false') });
}
