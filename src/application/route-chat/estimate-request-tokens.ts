import type { ClientPayload } from '../../domain/chat/client-payload';
import type { RoutePlan } from '../../domain/routing/route-plan';

const limitsTokens = new WeakMap<RoutePlan, boolean>();

/**
 * The token cost charged to tpm budgets before the call: about four characters a token of the
 * messages, plus the completion the client allows for (`max_tokens`). Computed only when some
 * instance of the plan limits tokens; 0 otherwise. The charge is corrected from reported usage.
 */
export function estimateRequestTokens(plan: RoutePlan, payload: ClientPayload): number {
  let needed = limitsTokens.get(plan);
  if (needed === undefined) {
    needed = plan.steps.some((step) =>
      step.pools.some((pool) => pool.instances.some((instance) => instance.runtime.rateLimits.limitsTokens)),
    );
    limitsTokens.set(plan, needed);
  }
  if (!needed) return 0;
  const body = payload.body;
  const prompt = Math.ceil(JSON.stringify(body.messages ?? '').length / 4);
  const completion = numberOr(body.max_completion_tokens, numberOr(body.max_tokens, 0));
  return prompt + completion;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && value > 0 ? value : fallback;
}
