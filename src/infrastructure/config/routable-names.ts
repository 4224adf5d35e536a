import type { ValidatedTree } from './validated-tree';

/** The names a wrapper or an alias may point at, and why a given target is not one of them. */
export class RoutableNames {
  private readonly pools: ReadonlySet<string>;
  private readonly groups: ReadonlySet<string>;
  private readonly brokenGroups: ReadonlySet<string>;
  private readonly tiers: ReadonlySet<string>;
  private readonly wrappers: ReadonlySet<string>;
  private readonly aliases: Readonly<Record<string, string>>;

  public constructor(tree: ValidatedTree) {
    this.pools = new Set(tree.pools.map((pool) => pool.name));
    this.groups = new Set(tree.groups.map((group) => group.name));
    this.brokenGroups = new Set(tree.groups.filter((group) => group.document === undefined).map((group) => group.name));
    this.tiers = new Set(
      tree.groups.flatMap((group) => group.document?.tiers.map((tier) => `${group.name}.${tier.name}`) ?? []),
    );
    this.wrappers = new Set(tree.wrappers.map((wrapper) => wrapper.name));
    this.aliases = tree.registry?.aliases ?? {};
  }

  /** A wrapper targets a task group, a pool or one `group.tier`; undefined when `target` is one. */
  public problemAsWrapperTarget(target: string): string | undefined {
    if (this.isDirectTarget(target)) return undefined;
    const expected = 'a wrapper must target a task group, a pool or a "group.tier"';
    if (this.wrappers.has(target)) return `target "${target}" is a wrapper; ${expected}`;
    if (Object.hasOwn(this.aliases, target)) return `target "${target}" is an alias; ${expected}`;
    return `no task group, pool or "group.tier" is named "${target}"${this.knownDirectTargets()}`;
  }

  /** An alias targets a task group, a pool, a `group.tier` or a wrapper; undefined when `target` is one. */
  public problemAsAliasTarget(target: string): string | undefined {
    if (this.isDirectTarget(target) || this.wrappers.has(target)) return undefined;
    if (Object.hasOwn(this.aliases, target)) {
      return `target "${target}" is another alias; point this alias at "${this.aliases[target] ?? ''}" instead`;
    }
    return `no task group, pool, "group.tier" or wrapper is named "${target}"${this.knownDirectTargets()}`;
  }

  private isDirectTarget(target: string): boolean {
    if (this.pools.has(target) || this.groups.has(target) || this.tiers.has(target)) return true;
    // The tiers of a group with errors are unknown; its file's own issues say why.
    const dot = target.indexOf('.');
    return dot > 0 && this.brokenGroups.has(target.slice(0, dot));
  }

  private knownDirectTargets(): string {
    const names = [...this.groups, ...this.pools, ...this.tiers].sort();
    return names.length === 0 ? ' (none is defined)' : ` (known: ${names.join(', ')})`;
  }
}
