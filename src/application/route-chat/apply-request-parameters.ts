import type { ClientPayload } from '../../domain/chat/client-payload';
import type { RoutePlan } from '../../domain/routing/route-plan';

/** Applies a wrapper's defaults (only where the client set nothing) and overrides (always). */
export function applyRequestParameters(payload: ClientPayload, plan: RoutePlan): ClientPayload {
  const defaultKeys = Object.keys(plan.defaults);
  const overrideKeys = Object.keys(plan.overrides);
  if (defaultKeys.length === 0 && overrideKeys.length === 0) return payload;
  const body: Record<string, unknown> = { ...payload.body };
  for (const key of defaultKeys) if (body[key] === undefined) body[key] = plan.defaults[key];
  for (const key of overrideKeys) body[key] = plan.overrides[key];
  return { protocol: payload.protocol, body };
}
