import type { ConfigTable, ConfigValue } from './config-value';
import type { KeyPath } from './key-path';
import { UnresolvedText } from './unresolved-text';

export interface UnresolvedValue {
  readonly path: KeyPath;
  readonly variables: readonly string[];
}

export interface Settled {
  /** The table with every `UnresolvedText` turned back into its text, ready for schema validation. */
  readonly table: Record<string, unknown>;
  readonly unresolved: readonly UnresolvedValue[];
}

/** Lists the values that still hold an unset variable (own or inherited) and turns them into plain strings. */
export function settleUnresolved(table: ConfigTable): Settled {
  const unresolved: UnresolvedValue[] = [];
  const settle = (value: ConfigValue, path: KeyPath): unknown => {
    if (value instanceof UnresolvedText) {
      unresolved.push({ path, variables: value.variables });
      return value.text;
    }
    if (Array.isArray(value)) return value.map((item, index) => settle(item, [...path, index]));
    if (typeof value === 'object' && !(value instanceof Date)) return settleTable(value, path);
    return value;
  };
  const settleTable = (source: ConfigTable, path: KeyPath): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(source)) result[key] = settle(value, [...path, key]);
    return result;
  };
  return { table: settleTable(table, []), unresolved };
}
