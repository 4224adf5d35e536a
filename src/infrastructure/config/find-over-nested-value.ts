import type { TomlTableWithoutBigInt, TomlValueWithoutBigInt } from 'smol-toml';
import type { KeyPath } from './key-path';

/**
 * The key path of the first value nested deeper than `maxDepth` tables and arrays, or undefined.
 * Walks with its own stack rather than recursion, so that no depth of nesting can overflow it.
 */
export function findOverNestedValue(table: TomlTableWithoutBigInt, maxDepth: number): KeyPath | undefined {
  const pending: { readonly value: TomlValueWithoutBigInt; readonly path: KeyPath }[] = [];
  const pushChildren = (value: TomlValueWithoutBigInt, path: KeyPath): void => {
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index -= 1) pending.push({ value: value[index] as TomlValueWithoutBigInt, path: [...path, index] });
    } else if (typeof value === 'object' && !(value instanceof Date)) {
      const entries = Object.entries(value);
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const [key, child] = entries[index] as [string, TomlValueWithoutBigInt];
        pending.push({ value: child, path: [...path, key] });
      }
    }
  };
  pushChildren(table, []);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.path.length > maxDepth) return next.path;
    pushChildren(next.value, next.path);
  }
  return undefined;
}
