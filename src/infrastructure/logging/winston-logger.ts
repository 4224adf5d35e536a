import winston from 'winston';
import type { LogFields, Logger } from '../../application/ports/logger';
import { BatchedStdoutTransport } from './batched-stdout-transport';
import type { LogLevel } from './log-level';
import { redactSecrets } from './redact-secrets';
import { processStdoutBatch, type StdoutLineBatch } from './stdout-line-batch';

export interface WinstonLoggerOptions {
  /** Lowest level written; `info` by default. */
  readonly level?: LogLevel;
  /** Drops every line (tests, in-process use that brings its own logging). */
  readonly silent?: boolean;
  /** Where lines go; the process's stdout batch by default. */
  readonly output?: StdoutLineBatch;
}

const MESSAGE = Symbol.for('message');

/**
 * Formats a record as one JSON line: timestamp, level, message, then the fields, secrets masked.
 * One `JSON.stringify` of the fields per line; winston's own json format (safe-stable-stringify)
 * costs several times more, and this runs once per routed request.
 */
const jsonLine = winston.format((info) => {
  const record = info as unknown as Record<string | symbol, unknown>;
  const { level, message } = info;
  delete record.level;
  delete record.message;
  redactSecrets(record);
  const head = `{"timestamp":"${new Date().toISOString()}","level":${JSON.stringify(level)},"message":${JSON.stringify(message)}`;
  let fields: string;
  try {
    fields = JSON.stringify(record);
  } catch (error) {
    fields = JSON.stringify({ logError: String(error) });
  }
  record.level = level;
  record.message = message;
  record[MESSAGE] = fields === '{}' ? `${head}}` : `${head},${fields.slice(1)}`;
  return info;
});

interface PendingLine {
  readonly level: LogLevel;
  readonly message: string;
  readonly fields: LogFields | undefined;
}

/** One JSON object per line on stdout, with secrets masked, written in batches. */
export class WinstonLogger implements Logger {
  private readonly logger: winston.Logger;
  private readonly output: StdoutLineBatch;
  private pending: PendingLine[] = [];
  private scheduled = false;

  public constructor(options: WinstonLoggerOptions = {}) {
    this.output = options.output ?? processStdoutBatch();
    this.logger = winston.createLogger({
      level: options.level ?? 'info',
      silent: options.silent ?? false,
      format: jsonLine(),
      transports: [new BatchedStdoutTransport(this.output)],
    });
  }

  public debug(message: string, fields?: LogFields): void {
    this.defer('debug', message, fields);
  }

  public info(message: string, fields?: LogFields): void {
    this.defer('info', message, fields);
  }

  public warn(message: string, fields?: LogFields): void {
    this.defer('warn', message, fields);
  }

  public error(message: string, fields?: LogFields): void {
    this.defer('error', message, fields);
  }

  /** Formats and writes every line logged so far, now. */
  public readonly flush = (): void => {
    this.scheduled = false;
    const lines = this.pending;
    if (lines.length === 0) return;
    this.pending = [];
    this.output.release(this.flush);
    for (const line of lines) this.logger.log(line.level, line.message, line.fields);
    this.output.flush();
  };

  /**
   * Lines are formatted and written on the next turn of the event loop, in order and all of a
   * turn's lines together, so that the request-log line of an answer is written after the answer
   * itself has gone out: formatting and winston's stream pipeline cost tens of microseconds,
   * which stay off the client's critical path, and a turn's lines cost one write.
   */
  private defer(level: LogLevel, message: string, fields: LogFields | undefined): void {
    if (!this.logger.isLevelEnabled(level)) return;
    this.pending.push({ level, message, fields });
    if (this.scheduled) return;
    this.scheduled = true;
    this.output.hold(this.flush);
    setImmediate(this.flush);
  }
}
