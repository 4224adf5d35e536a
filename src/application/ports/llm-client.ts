import type { ClientPayload } from '../../domain/chat/client-payload';
import type { PoolInstance } from '../../domain/instance/pool-instance';
import type { ProviderSpec } from '../../domain/provider/provider-spec';

/** One call to one instance. The payload is in the client's protocol; the adapter translates if its upstream differs. */
export interface UpstreamCall {
  readonly instance: PoolInstance;
  readonly payload: ClientPayload;
  readonly stream: boolean;
  /** Aborted when the request's deadline passes, the client goes away, or a served stream passes the plan's `maxStreamMs`. */
  readonly signal: AbortSignal;
  readonly requestId: string;
}

/** A complete answer, already in the client's protocol. */
export interface CompletedResponse {
  readonly kind: 'completed';
  readonly status: number;
  readonly contentType: string;
  readonly body: Uint8Array;
  /** Total tokens the upstream reported, when the adapter was asked to read them (tpm-limited instances). */
  readonly usageTokens?: number;
}

/**
 * A stream that has started: the bytes are the client's protocol framing (SSE for OpenAI), forwarded
 * as they arrive. The first chunk holds at least one complete event (an adapter holds back bytes
 * until then), and the iterator throws, rather than ending, when the upstream's stream is cut,
 * malformed at its end, or passes the provider's `maxResponseBytes`.
 */
export interface StreamingResponse {
  readonly kind: 'streaming';
  readonly status: number;
  readonly contentType: string;
  readonly chunks: AsyncIterable<Uint8Array>;
}

/**
 * `not_admitted`: the gateway itself held the call back after picking the instance (its breaker
 * opened, or its rpm/tpm budget ran out, in between); nothing was sent upstream.
 * `gateway`: the gateway failed while preparing the call (building or serialising the request, or
 * the adapter threw before sending); nothing was sent upstream and the instance is not at fault.
 * `protocol`: the upstream answered, but not as its protocol requires (a body that is not JSON, a
 * stream cut or malformed, an answer over `maxResponseBytes`).
 */
export const UpstreamFailureReasonValues = ['connect', 'timeout', 'http_status', 'protocol', 'aborted', 'not_admitted', 'gateway'] as const;
export type UpstreamFailureReason = (typeof UpstreamFailureReasonValues)[number];

export interface UpstreamFailure {
  readonly kind: 'failed';
  readonly reason: UpstreamFailureReason;
  readonly message: string;
  readonly status?: number;
  /** The upstream's answer, kept so that a request error can be returned to the client as it was. */
  readonly response?: CompletedResponse;
  readonly retryAfterMs?: number;
}

export type UpstreamResult = CompletedResponse | StreamingResponse | UpstreamFailure;

/** The port every provider adapter (openai, mock, later anthropic and presets) sits behind. */
export interface LlmClient {
  call(call: UpstreamCall): Promise<UpstreamResult>;
  /**
   * After a reload: keeps the connections these providers use and closes the others once their
   * requests in flight are done (a provider whose URL or key changed gets fresh connections).
   */
  retainConnections(providers: readonly ProviderSpec[]): void;
  /** Closes every upstream connection. */
  close(): Promise<void>;
}
