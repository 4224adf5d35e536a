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
  /**
   * Text that came from the environment, so that no error message prints it: every string in
   * which a `${VAR}` was replaced, as it ended up, and each variable's value.
   */
  readonly fromEnvironment: readonly string[];
}

interface Found {
  readonly unset: UnsetVariable[];
  readonly fromEnvironment: string[];
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
  const found: Found = { unset: [], fromEnvironment: [] };
  const result = interpolateTable(table, env, [], found);
  return { table: result, ...found };
}

function interpolateTable(
  table: Readonly<Record<string, TomlValueWithoutBigInt>>,
  env: Environment,
  path: KeyPath,
  found: Found,
): ConfigTable {
  const result: ConfigTable = {};
  for (const [key, value] of Object.entries(table)) result[key] = interpolateValue(value, env, [...path, key], found);
  return result;
}

function interpolateValue(
  value: TomlValueWithoutBigInt,
  env: Environment,
  path: KeyPath,
  found: Found,
): ConfigValue {
  if (typeof value === 'string') return interpolateString(value, env, path, found);
  if (Array.isArray(value)) return value.map((item, index) => interpolateValue(item, env, [...path, index], found));
  if (typeof value === 'object' && !(value instanceof Date)) return interpolateTable(value, env, path, found);
  return value;
}

function interpolateString(
  text: string,
  env: Environment,
  path: KeyPath,
  found: Found,
): string | UnresolvedText {
  const missing: string[] = [];
  let substituted = false;
  const replaced = text.replace(PLACEHOLDER, (placeholder: string, variable: string, fallback: string | undefined) => {
    substituted = true;
    const value = env[variable];
    if (value !== undefined && value !== '') found.fromEnvironment.push(value);
    if (fallback !== undefined) return value === undefined || value === '' ? fallback : value;
    if (value !== undefined) return value;
    if (!missing.includes(variable)) missing.push(variable);
    return placeholder;
  });
  if (substituted) found.fromEnvironment.push(replaced);
  if (missing.length === 0) return replaced;
  for (const variable of missing) found.unset.push({ path, variable });
  return new UnresolvedText(replaced, missing);
}
