import type { ConfigIssue } from '../../application/config/gateway-snapshot';
import { REGISTRY_FILE } from './config-file';
import { formatKeyPath } from './key-path';
import type { ValidatedEntity, ValidatedTree } from './validated-tree';

type PlaceKind = 'pool' | 'task group' | 'tier' | 'wrapper' | 'alias';

interface Place {
  readonly kind: PlaceKind;
  readonly file: string;
  readonly path: string;
}

/**
 * Pools, task groups, `group.tier` names, wrappers and aliases are all names a client may put in
 * `model`, so they share one namespace. Duplicates within one kind are reported by checkNames.
 */
export function checkSharedNamespace(tree: ValidatedTree): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const places = new Map<string, Place>();
  const claim = (name: string, place: Place): void => {
    const first = places.get(name);
    if (first === undefined) {
      places.set(name, place);
    } else if (first.kind !== place.kind) {
      issues.push({
        file: place.file,
        path: place.path,
        message:
          `name "${name}" is used by both the ${first.kind} in ${describe(first)} and the ${place.kind} here; ` +
          'a routable name must be unique',
      });
    }
  };
  const claimEntities = (kind: PlaceKind, entities: readonly ValidatedEntity<unknown>[]): void => {
    for (const entity of entities) claim(entity.name, { kind, file: entity.file, path: entity.namePath });
  };

  claimEntities('pool', tree.pools);
  claimEntities('task group', tree.groups);
  for (const group of tree.groups) {
    group.document?.tiers.forEach((tier, index) => {
      const path = formatKeyPath(['tiers', index, 'name']);
      claim(`${group.name}.${tier.name}`, { kind: 'tier', file: group.file, path });
    });
  }
  claimEntities('wrapper', tree.wrappers);
  for (const alias of Object.keys(tree.registry?.aliases ?? {})) {
    claim(alias, { kind: 'alias', file: REGISTRY_FILE, path: formatKeyPath(['aliases', alias]) });
  }
  return issues;
}

function describe(place: Place): string {
  return place.path === '' ? place.file : `${place.file} (${place.path})`;
}
