import type { ClientPayload } from '../../domain/chat/client-payload';
import type { PoolInstance } from '../../domain/instance/pool-instance';
import type { Clock } from '../ports/clock';
import { GuardedStream, type StreamEnd } from './guarded-stream';
import type { InstanceOutcomes } from './instance-outcomes';
import type { CompletedResponse, LlmClient, StreamingResponse, UpstreamFailure } from '../ports/llm-client';
import { errorMessage } from '../../domain/errors/error-message';
import { StreamLimitPassed } from './request-deadline';

export interface AttemptRequest {
  readonly instance: PoolInstance;
  readonly payload: ClientPayload;
  readonly stream: boolean;
  readonly signal: AbortSignal;
  readonly requestId: string;
  /** Token estimate charged to the instance's tpm budget (0 when no instance limits tokens). */
  readonly estimatedTokens: number;
}

export type AttemptResult = CompletedResponse | StreamingResponse | UpstreamFailure;

/**
 * One call to one instance, holding its concurrency slot (and a breaker trial slot, when
 * half-open) for exactly as long as the call lasts: until the answer is read, or, for a stream,
 * until the stream ends or is abandoned. A stream only counts as started once its first chunk (for
 * the adapters, at least one complete event) has arrived, so a stream that dies before that is a
 * failed attempt the request can still recover from; a stream counts as a success for the breaker
 * only once it has ended normally, and as a failure when it breaks (a stream ended by the plan's
 * `maxStreamMs` included); one ended because the client went away gives no verdict.
 * Successes are recorded here; a returned failure is for the caller to classify and record.
 */
export async function attemptInstance(
  llm: LlmClient,
  clock: Clock,
  outcomes: InstanceOutcomes,
  request: AttemptRequest,
): Promise<AttemptResult> {
  const { instance } = request;
  const runtime = instance.runtime;
  const startedAt = clock.now();
  if (!runtime.breaker.tryAcquire()) {
    return { kind: 'failed', reason: 'not_admitted', message: 'the circuit breaker is open' };
  }
  if (!runtime.rateLimits.take(request.estimatedTokens, startedAt)) {
    runtime.breaker.releaseWithoutOutcome();
    return { kind: 'failed', reason: 'not_admitted', message: 'the rpm/tpm budget is spent' };
  }
  runtime.acquire();
  let heldByStream = false;
  try {
    const result = await callSafely(llm, request);
    if (result.kind === 'failed') return result;
    if (result.kind === 'completed') {
      const now = clock.now();
      runtime.recordLatency(now - startedAt);
      if (result.usageTokens !== undefined) runtime.rateLimits.correctTokens(request.estimatedTokens, result.usageTokens, now);
      outcomes.succeeded(instance);
      return result;
    }
    const iterator = result.chunks[Symbol.asyncIterator]();
    const first = await nextChunk(iterator, request.signal);
    if (first.kind === 'failed') return first;
    runtime.recordLatency(clock.now() - startedAt);
    heldByStream = true;
    const onEnd = (end: StreamEnd): void => {
      runtime.release();
      if (end.kind === 'completed') outcomes.succeeded(instance);
      else if (end.kind === 'failed' && !closedByClient(request.signal)) outcomes.streamBroke(instance);
      else outcomes.abandoned(instance);
    };
    return { ...result, chunks: new GuardedStream(iterator, onEnd, first.chunk) };
  } finally {
    if (!heldByStream) runtime.release();
  }
}

/** An adapter that throws has failed inside the gateway, before (or instead of) sending anything. */
async function callSafely(llm: LlmClient, request: AttemptRequest): Promise<AttemptResult> {
  try {
    return await llm.call(request);
  } catch (error) {
    const message = `the provider adapter failed: ${errorMessage(error)}`;
    if (request.signal.aborted) return { kind: 'failed', reason: 'aborted', message };
    return { kind: 'failed', reason: 'gateway', message };
  }
}

/** The request's signal aborted for a reason other than the stream limit: the client went away. */
function closedByClient(signal: AbortSignal): boolean {
  return signal.aborted && !(signal.reason instanceof StreamLimitPassed);
}

async function nextChunk(
  iterator: AsyncIterator<Uint8Array>,
  signal: AbortSignal,
): Promise<{ kind: 'chunk'; chunk: Uint8Array } | UpstreamFailure> {
  try {
    const first = await iterator.next();
    if (first.done === true) return failure(signal, 'the upstream stream ended before sending any event');
    return { kind: 'chunk', chunk: first.value };
  } catch (error) {
    await iterator.return?.().catch(() => undefined);
    return failure(signal, `the upstream stream failed before its first event: ${errorMessage(error)}`);
  }
}

function failure(signal: AbortSignal, message: string): UpstreamFailure {
  return signal.aborted ? { kind: 'failed', reason: 'aborted', message } : { kind: 'failed', reason: 'protocol', message };
}

