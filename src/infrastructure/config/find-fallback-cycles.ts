import type { ConfigIssue } from '../../application/config/gateway-snapshot';
import { formatKeyPath } from './key-path';
import type { ValidatedEntity, ValidatedTree } from './validated-tree';
import type { TaskGroupDocument } from './schemas/task-group-schema';

/**
 * A cycle through `fallback_groups` (a group falling back to itself included) is reported once, on
 * the entry that closes it, naming the whole cycle.
 */
export function findFallbackCycles(tree: ValidatedTree): ConfigIssue[] {
  const byName = new Map<string, ValidatedEntity<TaskGroupDocument>>();
  for (const group of tree.groups) if (!byName.has(group.name)) byName.set(group.name, group);

  const issues: ConfigIssue[] = [];
  const done = new Set<string>();
  const path: string[] = [];

  const visit = (name: string): void => {
    const group = byName.get(name);
    if (group?.document === undefined || done.has(name)) return;
    path.push(name);
    group.document.fallback_groups?.forEach((next, index) => {
      const start = path.indexOf(next);
      if (start >= 0) {
        const cycle = [...path.slice(start), next];
        issues.push({
          file: group.file,
          path: formatKeyPath(['fallback_groups', index]),
          message: `fallback_groups cycle: ${cycle.join(' -> ')}`,
        });
      } else {
        visit(next);
      }
    });
    path.pop();
    done.add(name);
  };

  for (const name of [...byName.keys()].sort()) visit(name);
  return issues;
}
