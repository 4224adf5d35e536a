import type { ConfigIssue } from '../../application/config/gateway-snapshot';
import { type ConfigFile, type EntityKind, EntityKindValues, type UnreadableConfigFile } from './config-file';
import type { ConfigTable } from './config-value';
import { draftOf, type EntityDraft } from './entity-draft';
import { type Environment, interpolateEnv } from './interpolate-env';
import { formatKeyPath } from './key-path';
import { parseTomlFile } from './parse-toml-file';
import { unexpectedFailureIssue } from './unexpected-failure-issue';

export interface Drafts {
  /** `_registry.toml`'s table; `{}` when the file is absent, undefined when it cannot be parsed. */
  readonly registry: ConfigTable | undefined;
  readonly entities: ReadonlyMap<EntityKind, readonly EntityDraft[]>;
  readonly issues: readonly ConfigIssue[];
  /** Every text taken from the environment (see interpolate-env.ts), which no message may print. */
  readonly fromEnvironment: ReadonlySet<string>;
}

/**
 * Parses every file and replaces environment variables. An unset variable is an error everywhere
 * but in providers, which are disabled instead (see validate-drafts.ts).
 */
export function draftEntities(
  files: readonly ConfigFile[],
  env: Environment,
  unreadable: readonly UnreadableConfigFile[] = [],
): Drafts {
  const issues: ConfigIssue[] = [];
  const entities = new Map<EntityKind, EntityDraft[]>(EntityKindValues.map((kind) => [kind, []]));
  const fromEnvironment = new Set<string>();
  let registry: ConfigTable | undefined = {};

  for (const file of files) {
    let table: ConfigTable | undefined;
    try {
      table = draftTable(file, env, issues, fromEnvironment);
    } catch (error) {
      issues.push(unexpectedFailureIssue(file.relativePath, 'parsed', error));
    }
    if (file.kind === 'registry') registry = table;
    else entities.get(file.kind)?.push(draftOf(file.kind, file.relativePath, file.baseName, table));
  }
  // Unread files were reported when the tree was read; they stay as broken entities.
  for (const file of unreadable) {
    if (file.kind === 'registry') registry = undefined;
    else entities.get(file.kind)?.push(draftOf(file.kind, file.relativePath, file.baseName, undefined));
  }
  return { registry, entities, issues, fromEnvironment };
}

function draftTable(
  file: ConfigFile,
  env: Environment,
  issues: ConfigIssue[],
  fromEnvironment: Set<string>,
): ConfigTable | undefined {
  const parsed = parseTomlFile(file);
  if (!parsed.ok) {
    issues.push(parsed.issue);
    return undefined;
  }
  const interpolated = interpolateEnv(parsed.table, env);
  for (const text of interpolated.fromEnvironment) fromEnvironment.add(text);
  if (file.kind !== 'providers') {
    for (const { path, variable } of interpolated.unset) {
      issues.push({
        file: file.relativePath,
        path: formatKeyPath(path),
        message: `environment variable ${variable} is not set; set it or write \${${variable}:-default}`,
      });
    }
  }
  return interpolated.table;
}
