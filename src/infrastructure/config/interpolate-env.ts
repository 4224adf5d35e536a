import type { TomlValueWithoutBigInt } from 'smol-toml';
import type { ConfigTable, ConfigValue } from './config-value';
import type { KeyPath } from './key-path';
import { UnresolvedText } from './unresolved-text';

export type Environment = Readonly<Record<string, string | undefined>>;

/** A `${VAR}` without default whose variable is unset. */
export interface UnsetVariable {
  readonly path: KeyPath;
  readonly variable: string;
}

export interface Interpolated {
  readonly table: ConfigTable;
  readonly unset: readonly UnsetVariable[];
}

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * Replaces `${VAR}` and `${VAR:-default}` in every string of a table, at any depth. As in the shell,
 * the default is used when VAR is unset or empty. A string with an unset VAR and no default becomes
 * an `UnresolvedText` that keeps its placeholders, and the variable is reported.
 */
export function interpolateEnv(
  table: Readonly<Record<string, TomlValueWithoutBigInt>>,
  env: Environment,
): Interpolated {
  const unset: UnsetVariable[] = [];
  const result = interpolateTable(table, env, [], unset);
  return { table: result, unset };
}

function interpolateTable(
  table: Readonly<Record<string, TomlValueWithoutBigInt>>,
  env: Environment,
  path: KeyPath,
  unset: UnsetVariable[],
): ConfigTable {
  const result: ConfigTable = {};
  for (const [key, value] of Object.entries(table)) result[key] = interpolateValue(value, env, [...path, key], unset);
  return result;
}

function interpolateValue(
  value: TomlValueWithoutBigInt,
  env: Environment,
  path: KeyPath,
  unset: UnsetVariable[],
): ConfigValue {
  if (typeof value === 'string') return interpolateString(value, env, path, unset);
  if (Array.isArray(value)) return value.map((item, index) => interpolateValue(item, env, [...path, index], unset));
  if (typeof value === 'object' && !(value instanceof Date)) return interpolateTable(value, env, path, unset);
  return value;
}

function interpolateString(
  text: string,
  env: Environment,
  path: KeyPath,
  unset: UnsetVariable[],
): string | UnresolvedText {
  const missing: string[] = [];
  const replaced = text.replace(PLACEHOLDER, (placeholder: string, variable: string, fallback: string | undefined) => {
    const value = env[variable];
    if (fallback !== undefined) return value === undefined || value === '' ? fallback : value;
    if (value !== undefined) return value;
    if (!missing.includes(variable)) missing.push(variable);
    return placeholder;
  });
  if (missing.length === 0) return replaced;
  for (const variable of missing) unset.push({ path, variable });
  return new UnresolvedText(replaced, missing);
}
