import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Logger } from '../../application/ports/logger';
import type { ConfigStatus, ReloadAttempt } from '../../application/reload-config/config-status';
import type { RouteChatOutcome } from '../../application/route-chat/route-chat-types';
import { SwitchyardError } from '../../domain/errors/switchyard-error';
import { describeRoute } from '../../domain/routing/describe-route';
import { describePools } from '../../application/visibility/describe-pools';
import { checkOpenAiRequest } from '../../infrastructure/protocols/openai/check-openai-request';
import { WinstonLogger } from '../../infrastructure/logging/winston-logger';
import { composeGateway, type GatewayRuntime } from '../composition/compose-gateway';
import type {
  CallOptions,
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionRequest,
  Gateway,
  GatewayEvents,
  RoutingReport,
} from './gateway';
import { readCompletion, readStreamChunks } from './read-upstream-answer';
import { errorMessage } from '../../domain/errors/error-message';

export interface CreateGatewayOptions {
  /** The configuration tree (the folder holding `_registry.toml`). */
  readonly configDir: string;
  /** Where log lines go; by default JSON lines on stdout at `info`. Pass `'silent'` for none. */
  readonly logger?: Logger | 'silent';
  /** Environment used for `${VAR}` injection; `process.env` by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Reload whenever a file of the tree changes (bursts debounced into one reload); off by default. */
  readonly watch?: boolean;
}

/**
 * Starts Switchyard in-process: loads and validates the configuration (rejecting with a
 * `config_invalid` SwitchyardError listing every problem) and returns the routing facade.
 */
export async function createGateway(options: CreateGatewayOptions): Promise<Gateway> {
  const logger = options.logger === 'silent' ? new WinstonLogger({ silent: true }) : options.logger;
  const runtime = await composeGateway({
    configDir: options.configDir,
    ...(logger !== undefined ? { logger } : {}),
    ...(options.env !== undefined ? { env: options.env } : {}),
    watch: options.watch ?? false,
  });
  return new InProcessGateway(runtime);
}

class InProcessGateway extends EventEmitter<GatewayEvents> implements Gateway {
  private closed = false;
  private readonly stopAnnouncing: () => void;

  public constructor(private readonly runtime: GatewayRuntime) {
    super();
    this.stopAnnouncing = runtime.reloadConfig.onApplied((attempt) => this.announce(attempt));
  }

  public async chat(request: ChatCompletionRequest, options: CallOptions = {}): Promise<ChatCompletion> {
    const { outcome, requestId } = await this.route(request, false, options);
    if (outcome.kind === 'rejected') throw outcome.error;
    if (outcome.response.kind !== 'completed') throw new SwitchyardError('internal_error', 'expected a complete answer');
    return readCompletion(outcome.response, report(requestId, outcome));
  }

  public async *stream(request: ChatCompletionRequest, options: CallOptions = {}): AsyncGenerator<ChatCompletionChunk> {
    const { outcome } = await this.route(request, true, options);
    if (outcome.kind === 'rejected') throw outcome.error;
    if (outcome.response.kind !== 'streaming') throw new SwitchyardError('internal_error', 'expected a stream');
    yield* readStreamChunks(outcome.response);
  }

  public targets() {
    return [...this.runtime.snapshots.current().routes.all()].map(describeRoute);
  }

  public state() {
    return describePools(this.runtime.snapshots.current(), this.runtime.routeChat.tierGates.snapshot(), this.runtime.clock.now());
  }

  public reload(): Promise<ReloadAttempt> {
    if (this.closed) return Promise.reject(new SwitchyardError('gateway_closed', 'The gateway has been closed.'));
    return this.runtime.reload('api');
  }

  public configStatus(): ConfigStatus {
    return this.runtime.reloadConfig.status();
  }

  public async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.runtime.close();
    this.stopAnnouncing();
  }

  /** A listener that throws must not make an applied reload look failed: its error is logged. */
  private announce(attempt: ReloadAttempt): void {
    try {
      this.emit('reload', attempt);
    } catch (error) {
      this.runtime.logger.error('a reload listener threw', { error: errorMessage(error) });
    }
  }

  private async route(request: ChatCompletionRequest, stream: boolean, options: CallOptions) {
    if (this.closed) throw new SwitchyardError('gateway_closed', 'The gateway has been closed.');
    const body: Record<string, unknown> = { ...request, stream };
    const checked = checkOpenAiRequest(body);
    if (!checked.ok) throw new SwitchyardError('invalid_request', checked.message);
    for (const [name, value] of [['timeoutMs', options.timeoutMs], ['maxAttempts', options.maxAttempts]] as const) {
      if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
        throw new SwitchyardError('invalid_request', `\`${name}\` must be a whole number >= 1.`);
      }
    }
    const requestId = options.requestId ?? randomUUID();
    const outcome = await this.runtime.routeChat.execute({
      model: checked.model,
      payload: { protocol: 'openai', body },
      stream,
      requestId,
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
      limits: { timeoutMs: options.timeoutMs, maxAttempts: options.maxAttempts },
    });
    return { outcome, requestId };
  }
}

function report(requestId: string, outcome: RouteChatOutcome & { kind: 'served' }): RoutingReport {
  const { group, tier, pool, instance } = outcome.servedBy;
  return {
    requestId,
    ...(group !== undefined ? { group } : {}),
    ...(tier !== undefined ? { tier } : {}),
    pool,
    instance,
    attempts: outcome.attempts,
  };
}
