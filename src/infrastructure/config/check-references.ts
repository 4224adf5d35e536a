import type { ConfigIssue } from '../../application/config/gateway-snapshot';
import { StrategyKindValues } from '../../domain/strategy/selection-strategy';
import { REGISTRY_FILE } from './config-file';
import { formatKeyPath } from './key-path';
import { RoutableNames } from './routable-names';
import type { ValidatedEntity, ValidatedTree } from './validated-tree';

/**
 * Every name one file uses for another: pool -> provider and strategy, tier -> pool, group ->
 * fallback group, wrapper -> target, alias -> target, [defaults].strategy. Names of broken files
 * count as known, so that one broken file is reported once and not again by everything naming it.
 */
export function checkReferences(tree: ValidatedTree): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const providers = namesOf(tree.providers);
  const strategies = namesOf(tree.strategies);
  const pools = namesOf(tree.pools);
  const groups = namesOf(tree.groups);
  const routable = new RoutableNames(tree);

  const checkStrategy = (name: string, file: string, path: string): void => {
    if ((StrategyKindValues as readonly string[]).includes(name) || strategies.has(name)) return;
    const builtIn = StrategyKindValues.join(', ');
    const message = `no strategy is named "${name}"; expected a built-in kind (${builtIn}) or a strategies/ file`;
    issues.push({ file, path, message: `${message}${known(strategies)}` });
  };
  const checkName = (name: string, names: ReadonlySet<string>, noun: string, file: string, path: string): void => {
    if (!names.has(name)) issues.push({ file, path, message: `no ${noun} is named "${name}"${known(names)}` });
  };

  if (tree.registry !== undefined) checkStrategy(tree.registry.defaults.strategy, REGISTRY_FILE, 'defaults.strategy');

  for (const { file, document } of tree.pools) {
    if (document === undefined) continue;
    if (document.strategy !== undefined) checkStrategy(document.strategy, file, 'strategy');
    document.instances.forEach((instance, index) => {
      checkName(instance.provider, providers, 'provider', file, formatKeyPath(['instances', index, 'provider']));
    });
  }

  for (const { file, document } of tree.groups) {
    if (document === undefined) continue;
    document.tiers.forEach((tier, tierIndex) => {
      tier.pools.forEach((pool, poolIndex) => {
        checkName(pool, pools, 'pool', file, formatKeyPath(['tiers', tierIndex, 'pools', poolIndex]));
      });
    });
    document.fallback_groups?.forEach((group, index) => {
      checkName(group, groups, 'task group', file, formatKeyPath(['fallback_groups', index]));
    });
  }

  for (const { file, document } of tree.wrappers) {
    if (document === undefined) continue;
    const problem = routable.problemAsWrapperTarget(document.target);
    if (problem !== undefined) issues.push({ file, path: 'target', message: problem });
  }

  for (const [alias, target] of Object.entries(tree.registry?.aliases ?? {})) {
    const problem = routable.problemAsAliasTarget(target);
    if (problem === undefined) continue;
    issues.push({ file: REGISTRY_FILE, path: formatKeyPath(['aliases', alias]), message: problem });
  }
  return issues;
}

function namesOf(entities: readonly ValidatedEntity<unknown>[]): Set<string> {
  return new Set(entities.map((entity) => entity.name));
}

function known(names: ReadonlySet<string>): string {
  return names.size === 0 ? ' (none is defined)' : ` (known: ${[...names].sort().join(', ')})`;
}
