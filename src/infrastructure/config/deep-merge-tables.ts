import { type ConfigTable, isConfigTable } from './config-value';

/** Merges `child` over `parent`: tables merge key by key, the child wins, arrays and scalars are replaced whole. */
export function deepMergeTables(parent: ConfigTable, child: ConfigTable): ConfigTable {
  const merged: ConfigTable = { ...parent };
  for (const [key, value] of Object.entries(child)) {
    const inherited = merged[key];
    merged[key] = isConfigTable(inherited) && isConfigTable(value) ? deepMergeTables(inherited, value) : value;
  }
  return merged;
}
