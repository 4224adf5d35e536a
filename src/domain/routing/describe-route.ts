import type { RouteKind, RoutePlan } from './route-plan';

/** A routable name and the tiers behind it, as shown to clients (no URLs, no credentials). */
export interface RouteDescription {
  readonly name: string;
  readonly kind: RouteKind;
  readonly description?: string;
  readonly tiers: readonly { readonly group?: string; readonly tier?: string; readonly pools: readonly string[] }[];
}

export function describeRoute(plan: RoutePlan): RouteDescription {
  return {
    name: plan.name,
    kind: plan.kind,
    ...(plan.description !== undefined ? { description: plan.description } : {}),
    tiers: plan.steps.map((step) => ({
      ...(step.group !== undefined ? { group: step.group } : {}),
      ...(step.tier !== undefined ? { tier: step.tier } : {}),
      pools: step.pools.map((pool) => pool.name),
    })),
  };
}
