/** Names added, removed and changed between two snapshots, for one kind of thing. */
export interface NameChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
}

/** What a reload changed; instances are named `pool/instance`. */
export interface ConfigChange {
  readonly providers: NameChanges;
  readonly pools: NameChanges;
  readonly instances: NameChanges;
  readonly groups: NameChanges;
  readonly wrappers: NameChanges;
  /** Settings that only a restart applies (`[server]`); the old values stay in force. */
  readonly needsRestart: readonly string[];
}

export function isEmptyChange(change: ConfigChange): boolean {
  const kinds = [change.providers, change.pools, change.instances, change.groups, change.wrappers];
  return change.needsRestart.length === 0 && kinds.every((k) => k.added.length + k.removed.length + k.changed.length === 0);
}
