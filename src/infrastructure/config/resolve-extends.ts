import type { ConfigIssue } from '../../application/config/gateway-snapshot';
import { ENTITY_NOUN } from './config-file';
import type { ConfigTable } from './config-value';
import { deepMergeTables } from './deep-merge-tables';
import type { EntityDraft } from './entity-draft';

export interface ExtendsResolved {
  /** The same drafts, in the same order, each table merged over its ancestors'. */
  readonly drafts: readonly EntityDraft[];
  readonly issues: readonly ConfigIssue[];
}

/** Keys that belong to one file and are never inherited. */
const OWN_KEYS = new Set(['name', 'extends']);

/**
 * Resolves `extends = "parent"` among drafts of one kind. A missing parent and a cycle are reported
 * once each; a draft whose ancestry is broken loses its table, so it is not validated half-merged.
 */
export function resolveExtends(drafts: readonly EntityDraft[]): ExtendsResolved {
  const byName = new Map<string, EntityDraft>();
  for (const draft of drafts) if (!byName.has(draft.name)) byName.set(draft.name, draft);

  const issues: ConfigIssue[] = [];
  const resolved = new Map<EntityDraft, ConfigTable | undefined>();
  const resolving: EntityDraft[] = [];

  const resolve = (draft: EntityDraft): ConfigTable | undefined => {
    if (resolved.has(draft)) return resolved.get(draft);
    const table = draft.table;
    const parentName = table?.['extends'];
    if (table === undefined || typeof parentName !== 'string') {
      // A non-string `extends` is left for the schema to report.
      resolved.set(draft, table);
      return table;
    }
    const parent = byName.get(parentName);
    if (parent === undefined) {
      issues.push({ file: draft.file, path: 'extends', message: missingParentMessage(draft, parentName, byName) });
      resolved.set(draft, undefined);
      return undefined;
    }
    resolving.push(draft);
    try {
      const cycleStart = resolving.indexOf(parent);
      if (cycleStart >= 0) {
        const cycle = resolving.slice(cycleStart);
        for (const member of cycle) resolved.set(member, undefined);
        issues.push(cycleIssue(cycle));
        return undefined;
      }
      const parentTable = resolve(parent);
      if (resolved.has(draft)) return resolved.get(draft); // marked while a cycle through it was found
      const merged = parentTable === undefined ? undefined : deepMergeTables(inheritable(parentTable), table);
      resolved.set(draft, merged);
      return merged;
    } finally {
      resolving.pop();
    }
  };

  return { drafts: drafts.map((draft) => ({ ...draft, table: resolve(draft) })), issues };
}

function inheritable(table: ConfigTable): ConfigTable {
  const result: ConfigTable = {};
  for (const [key, value] of Object.entries(table)) if (!OWN_KEYS.has(key)) result[key] = value;
  return result;
}

function missingParentMessage(draft: EntityDraft, parentName: string, byName: ReadonlyMap<string, EntityDraft>): string {
  const noun = ENTITY_NOUN[draft.kind];
  const known = [...byName.keys()].filter((name) => name !== draft.name).sort();
  const listed = known.length > 0 ? `known: ${known.join(', ')}` : `there is no other ${noun}`;
  return `extends "${parentName}", but no ${noun} is named "${parentName}" (${listed})`;
}

/** Reported once, on the member whose file sorts first, with the cycle starting there. */
function cycleIssue(cycle: readonly EntityDraft[]): ConfigIssue {
  let first = 0;
  cycle.forEach((member, position) => {
    if (member.file < (cycle[first]?.file ?? '')) first = position;
  });
  const ordered = [...cycle.slice(first), ...cycle.slice(0, first)];
  const names = [...ordered.map((member) => member.name), ordered[0]?.name ?? ''];
  const noun = ENTITY_NOUN[ordered[0]?.kind ?? 'providers'];
  return {
    file: ordered[0]?.file ?? '',
    path: 'extends',
    message: `${noun} extends cycle: ${names.join(' -> ')}`,
  };
}
