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
import { unexpectedFailureIssue } from './unexpected-failure-issue';
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
  const found: Found = { issues, fromEnvironment: drafts.fromEnvironment };

  const resolvedDrafts = (kind: EntityKind): readonly EntityDraft[] => {
    const resolved = resolveExtends(drafts.entities.get(kind) ?? []);
    for (const issue of resolved.issues) issues.push(issue);
    return resolved.drafts;
  };
  const validateKind = <Schema extends z.ZodType>(kind: EntityKind, schema: Schema) =>
    resolvedDrafts(kind).map((draft) =>
      // Unset variables were reported when the file was read; here they only become strings again.
      validateEntity(draft, (table) => checkAgainst(schema, settleUnresolved(table).table, draft.file, found)),
    );

  const tree: ValidatedTree = {
    registry: validateRegistry(drafts.registry, found),
    providers: resolvedDrafts('providers').map((draft) =>
      validateEntity(draft, (table) => validateProvider(draft, table, found, warnings)),
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

/** Where checks put their issues, and the text no message may print. */
interface Found {
  readonly issues: ConfigIssue[];
  readonly fromEnvironment: ReadonlySet<string>;
}

function validateRegistry(table: ConfigTable | undefined, found: Found): RegistryDocument | undefined {
  if (table === undefined) return undefined;
  return checkAgainst(registrySchema, settleUnresolved(table).table, REGISTRY_FILE, found);
}

/** A provider whose values hold an unset variable is kept, disabled, with one warning per value. */
function validateProvider(
  draft: EntityDraft,
  table: ConfigTable,
  found: Found,
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
  const document = checkAgainst(providerSchema(baseUrlResolved), settled.table, draft.file, found);
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
  found: Found,
): z.output<Schema> | undefined {
  let result: z.ZodSafeParseResult<z.output<Schema>>;
  try {
    result = schema.safeParse(table, { error: describeZodIssue, reportInput: true });
  } catch (error) {
    found.issues.push(unexpectedFailureIssue(file, 'checked', error));
    return undefined;
  }
  if (result.success) return result.data;
  for (const issue of zodIssuesToConfigIssues(file, result.error.issues, found.fromEnvironment)) found.issues.push(issue);
  return undefined;
}
