import { UnresolvedText } from './unresolved-text';

/** A TOML value after environment interpolation; `UnresolvedText` marks a string with an unset variable. */
export type ConfigValue = string | number | boolean | Date | UnresolvedText | ConfigValue[] | ConfigTable;

export interface ConfigTable {
  [key: string]: ConfigValue;
}

export function isConfigTable(value: ConfigValue | undefined): value is ConfigTable {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof UnresolvedText)
  );
}
