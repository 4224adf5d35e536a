import { randomUUID } from 'node:crypto';
import type { Logger } from '../../application/ports/logger';
import type { RouteChatOutcome } from '../../application/route-chat/route-chat-types';
import { SwitchyardError } from '../../domain/errors/switchyard-error';
import { describeRoute } from '../../domain/routing/describe-route';
import { describePools } from '../../application/visibility/describe-pools';
import { checkOpenAiRequest } from '../../infrastructure/protocols/openai/check-openai-request';
import { WinstonLogger } from '../../infrastructure/logging/winston-logger';
import { composeGateway, type GatewayRuntime } from '../composition/compose-gateway';
import type { CallOptions, ChatCompletion, ChatCompletionChunk, ChatCompletionRequest, Gateway, RoutingReport } from './gateway';
import { readCompletion, readStreamChunks } from './read-upstream-answer';

export interface CreateGatewayOptions {
  /** The configuration tree (the folder holding `_registry.toml`). */
  readonly configDir: string;
  /** Where log lines go; by default JSON lines on stdout at `info`. Pass `'silent'` for none. */
  readonly logger?: Logger | 'silent';
  /** Environment used for `${VAR}` injection; `process.env` by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
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
  });
  return new InProcessGateway(runtime);
}

class InProcessGateway implements Gateway {
  private closed = false;

  public constructor(private readonly runtime: GatewayRuntime) {}

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

  public async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.runtime.close();
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
