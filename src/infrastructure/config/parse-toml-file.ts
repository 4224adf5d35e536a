import { parse, TomlError, type TomlTableWithoutBigInt } from 'smol-toml';
import type { ConfigIssue } from '../../application/config/gateway-snapshot';
import type { ConfigFile } from './config-file';

export type TomlParseResult =
  | { readonly ok: true; readonly table: TomlTableWithoutBigInt }
  | { readonly ok: false; readonly issue: ConfigIssue };

/** Parses one file; a syntax error becomes an issue that gives the line and column. */
export function parseTomlFile(file: ConfigFile): TomlParseResult {
  try {
    // Keys such as `__proto__` are refused, so that no table can reach an object's prototype.
    return { ok: true, table: parse(file.text, { unsafeKeyBehaviour: 'throw' }) };
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
}
