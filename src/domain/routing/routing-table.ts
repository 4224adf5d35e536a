import type { PollingPool } from '../pool/polling-pool';
import { DEFAULT_RETRY_BACKOFF, type RetryBackoff } from '../retry/retry-backoff';
import type { TaskGroup } from '../task-group/task-group';
import type { Tier } from '../task-group/tier';
import type { RoutePlan, RouteStep } from './route-plan';
import type { Wrapper } from './wrapper';

export interface RoutingTableInit {
  readonly pools: ReadonlyMap<string, PollingPool>;
  readonly groups: ReadonlyMap<string, TaskGroup>;
  readonly wrappers: ReadonlyMap<string, Wrapper>;
  /** alias -> any other routable name */
  readonly aliases: ReadonlyMap<string, string>;
  /** Budget for requests that address a pool directly. */
  readonly poolDefaults: { readonly maxAttempts: number; readonly timeoutMs: number; readonly retryBackoff?: RetryBackoff };
}

const NO_PARAMETERS: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * Every name a client may put in `model` (wrapper, group, `group.tier`, pool, alias), resolved
 * once per snapshot so that a request pays one map lookup.
 */
export class RoutingTable {
  private readonly plans = new Map<string, RoutePlan>();

  public constructor(init: RoutingTableInit) {
    for (const pool of init.pools.values()) {
      this.add({
        name: pool.name,
        kind: 'pool',
        description: undefined,
        steps: [{ group: undefined, tier: undefined, pools: [pool] }],
        maxAttempts: init.poolDefaults.maxAttempts,
        timeoutMs: init.poolDefaults.timeoutMs,
        retryBackoff: init.poolDefaults.retryBackoff ?? DEFAULT_RETRY_BACKOFF,
        maxStreamMs: undefined,
        defaults: NO_PARAMETERS,
        overrides: NO_PARAMETERS,
      });
    }
    for (const group of init.groups.values()) {
      const budget = { maxAttempts: group.maxAttempts, timeoutMs: group.timeoutMs, retryBackoff: group.retryBackoff, maxStreamMs: group.maxStreamMs };
      this.add({
        name: group.name,
        kind: 'group',
        description: group.description,
        steps: groupSteps(group, init.groups),
        ...budget,
        defaults: NO_PARAMETERS,
        overrides: NO_PARAMETERS,
      });
      for (const tier of group.tiers) {
        this.add({
          name: `${group.name}.${tier.name}`,
          kind: 'tier',
          description: group.description,
          steps: [tierStep(group.name, tier)],
          ...budget,
          defaults: NO_PARAMETERS,
          overrides: NO_PARAMETERS,
        });
      }
    }
    for (const wrapper of init.wrappers.values()) {
      const target = this.plans.get(wrapper.target);
      if (target === undefined) throw new RangeError(`wrapper "${wrapper.name}": unknown target "${wrapper.target}"`);
      this.add({
        ...target,
        name: wrapper.name,
        kind: 'wrapper',
        description: wrapper.description ?? target.description,
        defaults: wrapper.defaults,
        overrides: wrapper.overrides,
      });
    }
    for (const [alias, targetName] of init.aliases) {
      const target = this.plans.get(finalAliasTarget(alias, targetName, init.aliases));
      if (target === undefined) throw new RangeError(`alias "${alias}": unknown target "${targetName}"`);
      this.add({ ...target, name: alias });
    }
  }

  public resolve(name: string): RoutePlan | undefined {
    return this.plans.get(name);
  }

  public names(): string[] {
    return [...this.plans.keys()];
  }

  public all(): IterableIterator<RoutePlan> {
    return this.plans.values();
  }

  private add(plan: RoutePlan): void {
    if (this.plans.has(plan.name)) throw new RangeError(`routable name "${plan.name}" is defined twice`);
    this.plans.set(plan.name, plan);
  }
}

/** A group's own tiers, then the tiers of each fallback group (depth first, each group once). */
function groupSteps(group: TaskGroup, groups: ReadonlyMap<string, TaskGroup>): RouteStep[] {
  const steps: RouteStep[] = [];
  const visited = new Set<string>();
  const visit = (current: TaskGroup): void => {
    if (visited.has(current.name)) return;
    visited.add(current.name);
    for (const tier of current.tiers) steps.push(tierStep(current.name, tier));
    for (const fallback of current.fallbackGroups) {
      const next = groups.get(fallback);
      if (next === undefined) throw new RangeError(`task group "${current.name}": unknown fallback group "${fallback}"`);
      visit(next);
    }
  };
  visit(group);
  return steps;
}

/** Follows an alias that names another alias, in any order of definition; a cycle is an error. */
function finalAliasTarget(alias: string, target: string, aliases: ReadonlyMap<string, string>): string {
  const seen = new Set([alias]);
  let current = target;
  for (let next = aliases.get(current); next !== undefined; next = aliases.get(current)) {
    if (seen.has(current)) throw new RangeError(`alias "${alias}" is part of a cycle through "${current}"`);
    seen.add(current);
    current = next;
  }
  return current;
}

function tierStep(group: string, tier: Tier): RouteStep {
  return tier.limits === undefined
    ? { group, tier: tier.name, pools: tier.pools }
    : { group, tier: tier.name, pools: tier.pools, limits: tier.limits };
}
