import type { z } from 'zod';
import type { ConfigIssue } from '../../application/config/gateway-snapshot';
import { type EntityKind, REGISTRY_FILE } from './config-file';
import type { ConfigTable } from './config-value';
import type { Drafts } from './draft-entities';
import type { EntityDraft } from './entity-draft';
import { formatKeyPath } from './key-path';
import { resolveExtends } from './resolve-extends';
import { poolSchema } from './schemas/pool-schema';
import { providerSchema } from './schemas/provider-schema';
import { type RegistryDocument, registrySchema } from './schemas/registry-schema';
import { strategySchema } from './schemas/strategy-schema';
import { taskGroupSchema } from './schemas/task-group-schema';
import { wrapperSchema } from './schemas/wrapper-schema';
import { settleUnresolved } from './settle-unresolved';
import type { ValidatedEntity, ValidatedProvider, ValidatedTree } from './validated-tree';
import { describeZodIssue, zodIssuesToConfigIssues } from './zod-issues-to-config-issues';

export interface Validation {
  readonly tree: ValidatedTree;
  readonly issues: readonly ConfigIssue[];
  readonly warnings: readonly ConfigIssue[];
}

/** Resolves `extends` in each kind, then checks every merged table against its kind's schema. */
export function validateDrafts(drafts: Drafts): Validation {
  const issues: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];

  const resolvedDrafts = (kind: EntityKind): readonly EntityDraft[] => {
    const resolved = resolveExtends(drafts.entities.get(kind) ?? []);
    issues.push(...resolved.issues);
    return resolved.drafts;
  };
  const validateKind = <Schema extends z.ZodType>(kind: EntityKind, schema: Schema) =>
    resolvedDrafts(kind).map((draft) =>
      // Unset variables were reported when the file was read; here they only become strings again.
      validateEntity(draft, (table) => checkAgainst(schema, settleUnresolved(table).table, draft.file, issues)),
    );

  const tree: ValidatedTree = {
    registry: validateRegistry(drafts.registry, issues),
    providers: resolvedDrafts('providers').map((draft) =>
      validateEntity(draft, (table) => validateProvider(draft, table, issues, warnings)),
    ),
    strategies: validateKind('strategies', strategySchema),
    pools: validateKind('pools', poolSchema),
    groups: validateKind('task-groups', taskGroupSchema),
    wrappers: validateKind('wrappers', wrapperSchema),
  };
  return { tree, issues, warnings };
}

function validateEntity<Document>(
  draft: EntityDraft,
  validate: (table: ConfigTable) => Document | undefined,
): ValidatedEntity<Document> {
  const document = draft.table === undefined ? undefined : validate(draft.table);
  return { file: draft.file, name: draft.name, namePath: draft.namePath, document };
}

function validateRegistry(table: ConfigTable | undefined, issues: ConfigIssue[]): RegistryDocument | undefined {
  if (table === undefined) return undefined;
  return checkAgainst(registrySchema, settleUnresolved(table).table, REGISTRY_FILE, issues);
}

/** A provider whose values hold an unset variable is kept, disabled, with one warning per value. */
function validateProvider(
  draft: EntityDraft,
  table: ConfigTable,
  issues: ConfigIssue[],
  warnings: ConfigIssue[],
): ValidatedProvider | undefined {
  const settled = settleUnresolved(table);
  const variables: string[] = [];
  for (const { path, variables: unset } of settled.unresolved) {
    for (const variable of unset) if (!variables.includes(variable)) variables.push(variable);
    warnings.push({
      file: draft.file,
      path: formatKeyPath(path),
      message: `environment variable ${unset.join(', ')} is not set; provider "${draft.name}" is disabled`,
    });
  }
  const baseUrlResolved = !settled.unresolved.some(({ path }) => path.length === 1 && path[0] === 'base_url');
  const document = checkAgainst(providerSchema(baseUrlResolved), settled.table, draft.file, issues);
  if (document === undefined) return undefined;
  return { ...document, disabledReason: disabledReason(variables) };
}

function disabledReason(variables: readonly string[]): string | undefined {
  if (variables.length === 0) return undefined;
  return variables.length === 1
    ? `environment variable ${variables[0]} is not set`
    : `environment variables ${variables.join(', ')} are not set`;
}

function checkAgainst<Schema extends z.ZodType>(
  schema: Schema,
  table: unknown,
  file: string,
  issues: ConfigIssue[],
): z.output<Schema> | undefined {
  const result = schema.safeParse(table, { error: describeZodIssue });
  if (result.success) return result.data;
  issues.push(...zodIssuesToConfigIssues(file, result.error.issues));
  return undefined;
}
