import type { EventEmitter } from 'node:events';
import type { ConfigStatus, ReloadAttempt } from '../../application/reload-config/config-status';
import type { PoolsView } from '../../application/visibility/describe-pools';
import type { RouteDescription } from '../../domain/routing/describe-route';

/** An OpenAI Chat Completions request body; any other OpenAI parameter is passed through as it is. */
export interface ChatCompletionRequest {
  /** A task group, wrapper, pool, `group.tier` or alias. */
  readonly model: string;
  readonly messages: readonly Readonly<Record<string, unknown>>[];
  readonly [parameter: string]: unknown;
}

/** What served a request, attached to every answer as `switchyard`. */
export interface RoutingReport {
  readonly requestId: string;
  readonly group?: string;
  readonly tier?: string;
  readonly pool: string;
  readonly instance: string;
  readonly attempts: number;
}

/** An OpenAI `chat.completion` object as the upstream produced it, plus the routing report. */
export interface ChatCompletion {
  readonly id: string;
  readonly object: 'chat.completion';
  readonly model: string;
  readonly choices: readonly Readonly<Record<string, unknown>>[];
  readonly usage?: Readonly<Record<string, number>>;
  readonly switchyard: RoutingReport;
  readonly [field: string]: unknown;
}

/** One OpenAI `chat.completion.chunk`. */
export interface ChatCompletionChunk {
  readonly id: string;
  readonly object: 'chat.completion.chunk';
  readonly model: string;
  readonly choices: readonly Readonly<Record<string, unknown>>[];
  readonly [field: string]: unknown;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
  readonly requestId?: string;
  /** Lowers (never raises) the target's configured deadline for this call. */
  readonly timeoutMs?: number;
  /** Lowers (never raises) the target's configured attempt budget for this call. */
  readonly maxAttempts?: number;
}

/** A routable name and the tiers behind it. */
export type RouteTarget = RouteDescription;

/** Events of a `Gateway`: `reload` after every reload that changed the configuration in force. */
export interface GatewayEvents {
  reload: [attempt: ReloadAttempt];
}

/**
 * Switchyard in-process: the same routing as the HTTP server, with no HTTP hop. An event emitter:
 * `gateway.on('reload', (attempt) => ...)` hears of every applied reload, whatever triggered it.
 */
export interface Gateway extends EventEmitter<GatewayEvents> {
  /** Routes a non-streaming request; rejects with a `SwitchyardError` carrying a `code`. */
  chat(request: ChatCompletionRequest, options?: CallOptions): Promise<ChatCompletion>;
  /** Routes a streaming request; chunks arrive as the upstream sends them. */
  stream(request: ChatCompletionRequest, options?: CallOptions): AsyncIterable<ChatCompletionChunk>;
  targets(): RouteTarget[];
  /** Every pool and instance with health, breaker state, in-flight, latency, cooldown and failure counts. */
  state(): PoolsView;
  /**
   * Reloads the configuration tree now. Resolves with the attempt: `applied`, `unchanged`, or
   * `rejected` with every problem (the last good configuration stays in force).
   */
  reload(): Promise<ReloadAttempt>;
  /** The configuration in force (version, load time, warnings) and the last reloads. */
  configStatus(): ConfigStatus;
  /** Stops watching, waits for a reload in flight, and releases every timer and connection. */
  close(): Promise<void>;
}
