import type { ConfigIssue } from '../../application/config/gateway-snapshot';
import { type ConfigFile, type EntityKind, EntityKindValues } from './config-file';
import type { ConfigTable } from './config-value';
import { draftOf, type EntityDraft } from './entity-draft';
import { type Environment, interpolateEnv } from './interpolate-env';
import { formatKeyPath } from './key-path';
import { parseTomlFile } from './parse-toml-file';

export interface Drafts {
  /** `_registry.toml`'s table; `{}` when the file is absent, undefined when it cannot be parsed. */
  readonly registry: ConfigTable | undefined;
  readonly entities: ReadonlyMap<EntityKind, readonly EntityDraft[]>;
  readonly issues: readonly ConfigIssue[];
}

/**
 * Parses every file and replaces environment variables. An unset variable is an error everywhere
 * but in providers, which are disabled instead (see validate-drafts.ts).
 */
export function draftEntities(files: readonly ConfigFile[], env: Environment): Drafts {
  const issues: ConfigIssue[] = [];
  const entities = new Map<EntityKind, EntityDraft[]>(EntityKindValues.map((kind) => [kind, []]));
  let registry: ConfigTable | undefined = {};

  for (const file of files) {
    const parsed = parseTomlFile(file);
    let table: ConfigTable | undefined;
    if (parsed.ok) {
      const interpolated = interpolateEnv(parsed.table, env);
      table = interpolated.table;
      if (file.kind !== 'providers') {
        for (const { path, variable } of interpolated.unset) {
          issues.push({
            file: file.relativePath,
            path: formatKeyPath(path),
            message: `environment variable ${variable} is not set; set it or write \${${variable}:-default}`,
          });
        }
      }
    } else {
      issues.push(parsed.issue);
    }
    if (file.kind === 'registry') registry = table;
    else entities.get(file.kind)?.push(draftOf(file.kind, file.relativePath, file.baseName, table));
  }
  return { registry, entities, issues };
}
