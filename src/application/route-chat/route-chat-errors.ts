import { SwitchyardError, type AttemptSummary } from '../../domain/errors/switchyard-error';
import { describeUnavailability } from '../../domain/instance/describe-unavailability';
import { instanceUnavailability } from '../../domain/instance/instance-unavailability';
import type { PoolInstance } from '../../domain/instance/pool-instance';
import type { RoutePlan } from '../../domain/routing/route-plan';
import type { RequestDeadline } from './request-deadline';
import type { LadderStop } from './tier-ladder';

/** The request's own limits: attempts and time. */
export interface Budget {
  readonly maxAttempts: number;
  readonly timeoutMs: number;
}

export function saturatedError(stop: LadderStop & { kind: 'saturated' }, attempts: readonly AttemptSummary[]): SwitchyardError {
  const why = stop.reason === 'queue_full' ? 'its queue is full' : 'the wait in its queue timed out';
  return new SwitchyardError(
    'tier_saturated',
    `Tier \`${stop.step.group ?? ''}.${stop.step.tier ?? ''}\` is at its concurrency limit and ${why}; retry later.`,
    { attempts, retryAfterMs: stop.retryAfterMs },
  );
}

export function abortError(deadline: RequestDeadline, plan: RoutePlan, budget: Budget, attempts: readonly AttemptSummary[]): SwitchyardError {
  if (deadline.clientClosed && !deadline.deadlinePassed) {
    return new SwitchyardError('client_closed', 'The client closed the request.', { attempts });
  }
  return new SwitchyardError(
    'deadline_exceeded',
    `\`${plan.name}\` did not answer within ${budget.timeoutMs} ms. Attempts: ${describeAttempts(attempts)}`,
    { attempts },
  );
}

/** The gateway failed before sending anything upstream: a fault of ours, not of any instance. */
export function gatewayError(plan: RoutePlan, attempts: readonly AttemptSummary[]): SwitchyardError {
  const last = attempts[attempts.length - 1];
  return new SwitchyardError(
    'internal_error',
    `The gateway could not prepare the request for \`${plan.name}\` (${last?.message ?? 'unknown failure'}); nothing was sent upstream. Attempts: ${describeAttempts(attempts)}`,
    { attempts },
  );
}

/**
 * Every option was spent. With no attempt made at all, says for each instance of the plan why it
 * was not available at `now`.
 */
export function exhaustedError(
  plan: RoutePlan,
  attempts: readonly AttemptSummary[],
  clocks: { readonly now: number; readonly wallNow: number },
  estimatedTokens: number,
): SwitchyardError {
  const reason =
    attempts.length === 0
      ? `no instance was available: ${describeUnavailableInstances(plan, clocks, estimatedTokens)}`
      : `every option was spent after ${attempts.length} attempt(s): ${describeAttempts(attempts)}`;
  return new SwitchyardError('all_attempts_failed', `\`${plan.name}\` could not be served: ${reason}`, { attempts });
}

function describeUnavailableInstances(plan: RoutePlan, clocks: { readonly now: number; readonly wallNow: number }, estimatedTokens: number): string {
  const { now, wallNow } = clocks;
  const seen = new Set<PoolInstance>();
  const lines: string[] = [];
  for (const step of plan.steps) {
    for (const pool of step.pools) {
      for (const instance of pool.instances) {
        if (seen.has(instance)) continue;
        seen.add(instance);
        const why = instanceUnavailability(instance, now, estimatedTokens);
        lines.push(`${step.tier ?? '-'}/${pool.name}/${instance.name}: ${why === undefined ? 'available again' : describeUnavailability(why, now, wallNow)}`);
      }
    }
  }
  return lines.length === 0 ? 'the route has no instances' : lines.join('; ');
}

export function describeAttempts(attempts: readonly AttemptSummary[]): string {
  if (attempts.length === 0) return 'none';
  return attempts
    .map((a) => `${a.tier}/${a.pool}/${a.instance}: ${a.failure}${a.status !== undefined ? ` (${a.status})` : ''}`)
    .join('; ');
}
