import { parse, TomlError, type TomlTableWithoutBigInt } from 'smol-toml';
import type { ConfigIssue } from '../../application/config/gateway-snapshot';
import type { ConfigFile } from './config-file';
import { MAX_NESTING_DEPTH } from './config-tree-limits';
import { findOverNestedValue } from './find-over-nested-value';
import { formatKeyPath } from './key-path';

export type TomlParseResult =
  | { readonly ok: true; readonly table: TomlTableWithoutBigInt }
  | { readonly ok: false; readonly issue: ConfigIssue };

/**
 * Parses one file; a syntax error becomes an issue that gives the line and column. A file nested
 * deeper than MAX_NESTING_DEPTH is refused here, so every later stage may walk tables recursively.
 */
export function parseTomlFile(file: ConfigFile): TomlParseResult {
  let table: TomlTableWithoutBigInt;
  try {
    // Keys such as `__proto__` are refused, so that no table can reach an object's prototype.
    table = parse(file.text, { unsafeKeyBehaviour: 'throw' });
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const firstLine = (error.message.split('\n')[0] ?? '').replace(/^Invalid TOML document:\s*/, '');
    return {
      ok: false,
      issue: {
        file: file.relativePath,
        path: '',
        message: `TOML syntax error at line ${error.line}, column ${error.column}: ${firstLine}`,
      },
    };
  }
  const overNested = findOverNestedValue(table, MAX_NESTING_DEPTH);
  if (overNested === undefined) return { ok: true, table };
  return {
    ok: false,
    issue: {
      file: file.relativePath,
      path: formatKeyPath(overNested),
      message: `tables and arrays are nested deeper than ${MAX_NESTING_DEPTH} levels here`,
    },
  };
}
