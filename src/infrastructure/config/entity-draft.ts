import type { EntityKind } from './config-file';
import type { ConfigTable } from './config-value';

/** One entity file on its way to validation. */
export interface EntityDraft {
  readonly kind: EntityKind;
  readonly file: string;
  /** The `name` key when it is a string, else the file name without `.toml`. */
  readonly name: string;
  /** Where the name comes from: `name` when the file sets it, '' when it is the file name. */
  readonly namePath: string;
  /** Undefined when the file cannot be used at all (syntax error, broken `extends`). */
  readonly table: ConfigTable | undefined;
}

export function draftOf(kind: EntityKind, file: string, baseName: string, table: ConfigTable | undefined): EntityDraft {
  const name = table?.['name'];
  return typeof name === 'string'
    ? { kind, file, name, namePath: 'name', table }
    : { kind, file, name: baseName, namePath: '', table };
}
