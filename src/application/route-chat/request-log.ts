import type { Clock } from '../ports/clock';
import type { LogFields, Logger } from '../ports/logger';
import { GuardedStream, type StreamEnd } from './guarded-stream';
import type { RouteChatInput, RouteChatOutcome } from './route-chat-types';
import { errorMessage } from '../../domain/errors/error-message';

/**
 * Writes the one log line each routed request gets, when it is over (for a stream: when the
 * stream ends); none when `[server] request_log = false`.
 */
export class RequestLog {
  private readonly startedAt: number;

  public constructor(
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly input: RouteChatInput,
    private readonly enabled: boolean,
  ) {
    this.startedAt = clock.now();
  }

  public finish(outcome: RouteChatOutcome): RouteChatOutcome {
    this.write(outcome, undefined);
    return outcome;
  }

  public finishWhenStreamEnds(outcome: RouteChatOutcome & { kind: 'served' }, cleanup: () => void): RouteChatOutcome {
    const response = outcome.response;
    if (response.kind !== 'streaming') return this.finish(outcome);
    const onEnd = (end: StreamEnd): void => {
      cleanup();
      this.write(outcome, end);
    };
    if (response.chunks instanceof GuardedStream) {
      response.chunks.alsoOnEnd(onEnd, { kind: 'abandoned' });
      return outcome;
    }
    const chunks = new GuardedStream(response.chunks[Symbol.asyncIterator](), onEnd);
    return { ...outcome, response: { ...response, chunks } };
  }

  private write(outcome: RouteChatOutcome, streamEnd: StreamEnd | undefined): void {
    if (!this.enabled) return;
    const fields: Record<string, unknown> = {
      requestId: this.input.requestId,
      model: this.input.model,
      stream: this.input.stream,
      durationMs: Math.round((this.clock.now() - this.startedAt) * 1000) / 1000,
    };
    const servedBy = outcome.servedBy;
    if (servedBy !== undefined) Object.assign(fields, servedBy);
    if (outcome.kind === 'served') {
      fields.outcome = streamEnd === undefined || streamEnd.kind === 'completed' ? 'served' : `stream_${streamEnd.kind}`;
      fields.attempts = outcome.attempts;
      if (streamEnd?.kind === 'failed') fields.error = errorMessage(streamEnd.error);
    } else {
      fields.outcome = outcome.error.code;
      fields.attempts = outcome.attempts.length;
      if (outcome.attempts.length > 0) fields.failures = outcome.attempts.map((a) => `${a.instance}:${a.failure}`);
    }
    const level = outcome.kind === 'served' && streamEnd?.kind !== 'failed' ? 'info' : 'warn';
    this.logger[level]('chat request', fields as LogFields);
  }
}

