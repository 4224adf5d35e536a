import type { ClientPayload } from '../../domain/chat/client-payload';
import type { AttemptSummary, SwitchyardError } from '../../domain/errors/switchyard-error';
import type { CompletedResponse, StreamingResponse } from '../ports/llm-client';
import type { ClientConnection } from './client-connection';

export interface RouteChatInput {
  /** The routing target named by the client (`model`). */
  readonly model: string;
  readonly payload: ClientPayload;
  readonly stream: boolean;
  readonly requestId: string;
  /** Aborts when the client goes away (the facade's callers). */
  readonly signal?: AbortSignal;
  /** Tells when the client goes away, for an interface that watches its connection itself (HTTP); wins over `signal`. */
  readonly client?: ClientConnection;
  /** The client's own, lower limits (`x-switchyard-timeout-ms`, `x-switchyard-max-attempts`). */
  readonly limits?: { readonly timeoutMs?: number; readonly maxAttempts?: number };
}

/** Which rung served (or last tried) the request; reported in response headers. */
export interface ServedBy {
  readonly group: string | undefined;
  readonly tier: string | undefined;
  readonly pool: string;
  readonly instance: string;
}

export type RouteChatOutcome =
  | {
      readonly kind: 'served';
      readonly servedBy: ServedBy;
      readonly attempts: number;
      readonly response: CompletedResponse | StreamingResponse;
    }
  | {
      readonly kind: 'rejected';
      readonly error: SwitchyardError;
      readonly attempts: readonly AttemptSummary[];
      /** Set for `upstream_rejected`: the upstream's own answer, in the client's protocol. */
      readonly upstreamResponse?: CompletedResponse;
      readonly servedBy?: ServedBy;
    };
