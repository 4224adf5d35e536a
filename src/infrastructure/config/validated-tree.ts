import type { ProviderDocument } from './schemas/provider-schema';
import type { PoolDocument } from './schemas/pool-schema';
import type { RegistryDocument } from './schemas/registry-schema';
import type { StrategyDocument } from './schemas/strategy-schema';
import type { TaskGroupDocument } from './schemas/task-group-schema';
import type { WrapperDocument } from './schemas/wrapper-schema';

/** One entity after validation. Its name is known even when the file is broken, so references to it do not cascade. */
export interface ValidatedEntity<Document> {
  readonly file: string;
  readonly name: string;
  /** `name` when the file sets its name, '' when the name is the file name. */
  readonly namePath: string;
  /** Undefined when the file has errors. */
  readonly document: Document | undefined;
}

export type ValidatedProvider = ProviderDocument & {
  /** Set when a variable the provider needs is unset. */
  readonly disabledReason: string | undefined;
};

export interface ValidatedTree {
  /** Undefined when `_registry.toml` has errors. */
  readonly registry: RegistryDocument | undefined;
  readonly providers: readonly ValidatedEntity<ValidatedProvider>[];
  readonly strategies: readonly ValidatedEntity<StrategyDocument>[];
  readonly pools: readonly ValidatedEntity<PoolDocument>[];
  readonly groups: readonly ValidatedEntity<TaskGroupDocument>[];
  readonly wrappers: readonly ValidatedEntity<WrapperDocument>[];
}
