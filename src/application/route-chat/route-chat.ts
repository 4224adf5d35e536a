import { SwitchyardError, type AttemptSummary } from '../../domain/errors/switchyard-error';
import { fullJitterDelayMs } from '../../domain/retry/retry-backoff';
import type { RoutePlan } from '../../domain/routing/route-plan';
import type { RandomSource } from '../../domain/strategy/random-source';
import type { GatewaySnapshot } from '../config/gateway-snapshot';
import type { Clock } from '../ports/clock';
import type { LlmClient } from '../ports/llm-client';
import type { Logger } from '../ports/logger';
import { applyRequestParameters } from './apply-request-parameters';
import { attemptInstance } from './attempt-instance';
import { classifyUpstreamFailure } from './classify-upstream-failure';
import { estimateRequestTokens } from './estimate-request-tokens';
import { InstanceOutcomes } from './instance-outcomes';
import { connectionOfSignal } from './client-connection';
import { RequestDeadline } from './request-deadline';
import { RequestLog } from './request-log';
import type { RouteChatInput, RouteChatOutcome, ServedBy } from './route-chat-types';
import { TierGates } from './tier-gates';
import { waitUnlessAborted } from './wait-unless-aborted';
import { TierLadder } from './tier-ladder';
import { abortError, exhaustedError, gatewayError, saturatedError, type Budget } from './route-chat-errors';

/**
 * Routes one chat request: resolve the target, walk its tiers, call instances until one serves,
 * rotating past failed instances and degrading tier by tier within the attempt budget and deadline.
 */
export class RouteChat {
  private readonly outcomes: InstanceOutcomes;
  /** Concurrency gates of limited tiers; they outlive snapshots, keyed by group and tier name. */
  public readonly tierGates: TierGates;

  public constructor(
    private readonly snapshots: { current(): GatewaySnapshot },
    private readonly llm: LlmClient,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly random: RandomSource = Math.random,
  ) {
    this.outcomes = new InstanceOutcomes(clock, logger);
    this.tierGates = new TierGates(clock);
  }

  public async execute(input: RouteChatInput): Promise<RouteChatOutcome> {
    const snapshot = this.snapshots.current();
    const log = new RequestLog(this.logger, this.clock, input, snapshot.server.requestLog);
    const plan = snapshot.routes.resolve(input.model);
    if (plan === undefined) {
      const error = new SwitchyardError('model_not_found', `The model \`${input.model}\` does not exist.`);
      return log.finish({ kind: 'rejected', error, attempts: [] });
    }
    const budget = effectiveBudget(plan, input.limits);
    const client = input.client ?? (input.signal === undefined ? undefined : connectionOfSignal(input.signal));
    const deadline = new RequestDeadline(this.clock, budget.timeoutMs, client);
    try {
      const { outcome, releaseTier } = await this.walk(plan, budget, input, deadline);
      if (outcome.kind === 'served' && outcome.response.kind === 'streaming') {
        deadline.limitStream(plan.maxStreamMs);
        return log.finishWhenStreamEnds(outcome, () => {
          deadline.dispose();
          releaseTier();
        });
      }
      deadline.dispose();
      return log.finish(outcome);
    } catch (error) {
      deadline.dispose();
      throw error;
    }
  }

  /**
   * The tier walk. A served stream keeps its tier's concurrency place until it ends
   * (`releaseTier`); every other outcome gives it back before returning.
   */
  private async walk(
    plan: RoutePlan,
    budget: Budget,
    input: RouteChatInput,
    deadline: RequestDeadline,
  ): Promise<{ outcome: RouteChatOutcome; releaseTier: () => void }> {
    const ladder = new TierLadder(plan.steps, this.tierGates, deadline.signal);
    try {
      const outcome = await this.walkLadder(ladder, plan, budget, input, deadline);
      const streaming = outcome.kind === 'served' && outcome.response.kind === 'streaming';
      return { outcome, releaseTier: streaming ? ladder.handOff() : noop };
    } finally {
      ladder.leave();
    }
  }

  private async walkLadder(
    ladder: TierLadder,
    plan: RoutePlan,
    budget: Budget,
    input: RouteChatInput,
    deadline: RequestDeadline,
  ): Promise<RouteChatOutcome> {
    const payload = applyRequestParameters(input.payload, plan);
    const estimatedTokens = estimateRequestTokens(plan, payload);
    const attempts: AttemptSummary[] = [];
    let lastServedBy: ServedBy | undefined;
    let round = 1;
    let transientThisRound = false;
    while (attempts.length < budget.maxAttempts) {
      const pick = await ladder.next(this.now, estimatedTokens);
      if (pick.kind === 'exhausted') {
        // Every option was tried once; go round again (on the same instances) only if some
        // failure this round may pass, after a full-jitter wait.
        if (!transientThisRound) break;
        const delay = fullJitterDelayMs(plan.retryBackoff, round, this.random);
        if (!(await waitUnlessAborted(this.clock, delay, deadline.signal))) {
          return { kind: 'rejected', error: abortError(deadline, plan, budget, attempts), attempts, ...servedByOf(lastServedBy) };
        }
        round += 1;
        transientThisRound = false;
        ladder.restart();
        continue;
      }
      if (pick.kind === 'aborted') {
        return { kind: 'rejected', error: abortError(deadline, plan, budget, attempts), attempts, ...servedByOf(lastServedBy) };
      }
      if (pick.kind === 'saturated') {
        return { kind: 'rejected', error: saturatedError(pick, attempts), attempts, ...servedByOf(lastServedBy) };
      }
      const servedBy: ServedBy = {
        group: pick.step.group,
        tier: pick.step.tier,
        pool: pick.pool.name,
        instance: pick.instance.name,
      };
      lastServedBy = servedBy;
      const result = await attemptInstance(this.llm, this.clock, this.outcomes, {
        instance: pick.instance,
        payload,
        stream: input.stream,
        signal: deadline.signal,
        requestId: input.requestId,
        estimatedTokens,
      });
      if (result.kind !== 'failed') {
        return { kind: 'served', servedBy, attempts: attempts.length + 1, response: result };
      }
      ladder.markTried(pick.instance);
      const failureClass = classifyUpstreamFailure(result);
      this.outcomes.failed(pick.instance, pick.pool, result, failureClass, deadline.deadlinePassed);
      attempts.push({
        instance: pick.instance.name,
        pool: pick.pool.name,
        tier: pick.step.tier ?? '-',
        failure: failureClass,
        ...(result.status !== undefined ? { status: result.status } : {}),
        message: result.message,
      });
      switch (failureClass) {
        case 'request_invalid': {
          const error = new SwitchyardError('upstream_rejected', result.message, { status: result.status, attempts });
          return { kind: 'rejected', error, attempts, servedBy, upstreamResponse: result.response };
        }
        case 'aborted':
          return { kind: 'rejected', error: abortError(deadline, plan, budget, attempts), attempts, servedBy };
        case 'context_length':
          ladder.skipTier();
          break;
        case 'transient':
          transientThisRound = true;
          break;
        case 'misconfigured':
          break;
        case 'gateway_error':
          // Our own failure: every other instance would fail the same way, and none is to blame.
          return { kind: 'rejected', error: gatewayError(plan, attempts), attempts, servedBy };
        default: {
          const unreachable: never = failureClass;
          throw new RangeError(`unhandled failure class ${String(unreachable)}`);
        }
      }
    }
    // Breakers keep their open period in epoch ms (BreakerState), the rest on the monotonic clock.
    const error = exhaustedError(plan, attempts, { now: this.clock.now(), wallNow: Date.now() }, estimatedTokens);
    return { kind: 'rejected', error, attempts, ...servedByOf(lastServedBy) };
  }

  private readonly now = (): number => this.clock.now();
}

function noop(): void {}

function servedByOf(servedBy: ServedBy | undefined): { servedBy?: ServedBy } {
  return servedBy === undefined ? {} : { servedBy };
}

/** The configured budget, lowered (never raised) by the client's own limits. */
function effectiveBudget(plan: RoutePlan, limits: RouteChatInput['limits']): Budget {
  return {
    maxAttempts: Math.min(plan.maxAttempts, limits?.maxAttempts ?? plan.maxAttempts),
    timeoutMs: Math.min(plan.timeoutMs, limits?.timeoutMs ?? plan.timeoutMs),
  };
}
