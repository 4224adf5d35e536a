import winston from 'winston';
import type { LogFields, Logger } from '../../application/ports/logger';
import { redactSecrets } from './redact-secrets';

export interface WinstonLoggerOptions {
  readonly level?: string;
  /** Drops every line (tests, in-process use that brings its own logging). */
  readonly silent?: boolean;
}

const MESSAGE = Symbol.for('message');

/**
 * Formats a record as one JSON line: timestamp, level, message, then the fields, secrets masked.
 * One `JSON.stringify` per line; winston's own json format (safe-stable-stringify) costs several
 * times more, and this runs once per routed request.
 */
const jsonLine = winston.format((info) => {
  const { level, message, ...fields } = redactSecrets(info);
  const head = { timestamp: new Date().toISOString(), level, message };
  let line: string;
  try {
    line = JSON.stringify({ ...head, ...fields });
  } catch (error) {
    line = JSON.stringify({ ...head, logError: String(error) });
  }
  (info as unknown as Record<symbol, string>)[MESSAGE] = line;
  return info;
});

/** One JSON object per line on stdout, with secrets masked. */
export class WinstonLogger implements Logger {
  private readonly logger: winston.Logger;

  public constructor(options: WinstonLoggerOptions = {}) {
    this.logger = winston.createLogger({
      level: options.level ?? 'info',
      silent: options.silent ?? false,
      format: jsonLine(),
      transports: [new winston.transports.Console()],
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

  /**
   * Lines are formatted and written on the next turn of the event loop, in order, so that the
   * request-log line of an answer is written after the answer itself has gone out: formatting and
   * winston's stream pipeline cost tens of microseconds, which stay off the client's critical path.
   */
  private defer(level: string, message: string, fields: LogFields | undefined): void {
    if (!this.logger.isLevelEnabled(level)) return;
    setImmediate(() => this.logger.log(level, message, fields));
  }
}
