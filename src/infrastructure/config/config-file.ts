/** The folders of a configuration tree that hold one entity per file. */
export const EntityKindValues = ['providers', 'pools', 'task-groups', 'wrappers', 'strategies'] as const;
export type EntityKind = (typeof EntityKindValues)[number];

/** Every kind of file the loader reads: the entity folders and the single `_registry.toml`. */
export type ConfigFileKind = EntityKind | 'registry';

export const REGISTRY_FILE = '_registry.toml';

/** How an entity kind is called in messages. */
export const ENTITY_NOUN: Readonly<Record<EntityKind, string>> = {
  providers: 'provider',
  pools: 'pool',
  'task-groups': 'task group',
  wrappers: 'wrapper',
  strategies: 'strategy',
};

/** A file of the tree that could not be read (too large, a folder, a broken link); its problem is reported apart. */
export interface UnreadableConfigFile {
  readonly kind: ConfigFileKind;
  readonly relativePath: string;
  readonly baseName: string;
}

/** One file as read from disk. */
export interface ConfigFile {
  readonly kind: ConfigFileKind;
  /** Path relative to the configuration directory, with forward slashes, e.g. `pools/fast.toml`. */
  readonly relativePath: string;
  /** File name without `.toml`: the entity's name unless the file sets `name`. */
  readonly baseName: string;
  readonly text: string;
}
