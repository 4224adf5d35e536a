import type { ConfigIssue } from '../../application/config/gateway-snapshot';
import { StrategyKindValues } from '../../domain/strategy/selection-strategy';
import { ENTITY_NOUN, type EntityKind, REGISTRY_FILE } from './config-file';
import { formatKeyPath } from './key-path';
import type { ValidatedEntity, ValidatedTree } from './validated-tree';

const SIMPLE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const SIMPLE_NAME_RULE = 'letters, digits, "_" and "-", starting with a letter or digit';
/** Wrappers and aliases may look like upstream model names (`openai/gpt-4.1`, `llama3:8b`). */
const WIDE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:/-]*$/;
const WIDE_NAME_RULE = 'letters, digits, "_", "-", ".", ":" and "/", starting with a letter or digit';

/** Name patterns, strategy names that shadow built-in kinds, and duplicate names within one kind. */
export function checkNames(tree: ValidatedTree): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  checkKind('providers', tree.providers, SIMPLE_NAME, SIMPLE_NAME_RULE, issues);
  checkKind('strategies', tree.strategies, SIMPLE_NAME, SIMPLE_NAME_RULE, issues);
  checkKind('pools', tree.pools, SIMPLE_NAME, SIMPLE_NAME_RULE, issues);
  checkKind('task-groups', tree.groups, SIMPLE_NAME, SIMPLE_NAME_RULE, issues);
  checkKind('wrappers', tree.wrappers, WIDE_NAME, WIDE_NAME_RULE, issues);

  for (const strategy of tree.strategies) {
    if ((StrategyKindValues as readonly string[]).includes(strategy.name)) {
      issues.push({
        file: strategy.file,
        path: strategy.namePath,
        message: `strategy name "${strategy.name}" is a built-in strategy kind; choose another name`,
      });
    }
  }
  for (const alias of Object.keys(tree.registry?.aliases ?? {})) {
    if (!WIDE_NAME.test(alias)) {
      issues.push({
        file: REGISTRY_FILE,
        path: formatKeyPath(['aliases', alias]),
        message: `alias name "${alias}" is not valid; expected ${WIDE_NAME_RULE}`,
      });
    }
  }
  return issues;
}

function checkKind(
  kind: EntityKind,
  entities: readonly ValidatedEntity<unknown>[],
  pattern: RegExp,
  rule: string,
  issues: ConfigIssue[],
): void {
  const noun = ENTITY_NOUN[kind];
  const firstByName = new Map<string, ValidatedEntity<unknown>>();
  for (const entity of entities) {
    if (!pattern.test(entity.name)) {
      const source = entity.namePath === '' ? `the file name gives the ${noun} name` : `${noun} name`;
      const remedy = entity.namePath === '' ? '; rename the file or set name' : '';
      issues.push({
        file: entity.file,
        path: entity.namePath,
        message: `${source} "${entity.name}", which is not valid; expected ${rule}${remedy}`,
      });
    }
    const first = firstByName.get(entity.name);
    if (first === undefined) {
      firstByName.set(entity.name, entity);
    } else {
      issues.push({
        file: entity.file,
        path: entity.namePath,
        message: `${noun} "${entity.name}" is already defined in ${first.file}; names must be unique`,
      });
    }
  }
}
