import winston from 'winston';
import type { LogFields, Logger } from '../../application/ports/logger';
import { redactSecrets } from './redact-secrets';

export interface WinstonLoggerOptions {
  readonly level?: string;
  /** Drops every line (tests, in-process use that brings its own logging). */
  readonly silent?: boolean;
}

/** One JSON object per line on stdout, with secrets masked. */
export class WinstonLogger implements Logger {
  private readonly logger: winston.Logger;

  public constructor(options: WinstonLoggerOptions = {}) {
    this.logger = winston.createLogger({
      level: options.level ?? 'info',
      silent: options.silent ?? false,
      format: winston.format.combine(
        winston.format((info) => redactSecrets(info))(),
        winston.format.timestamp(),
        winston.format.json(),
      ),
      transports: [new winston.transports.Console()],
    });
  }

  public debug(message: string, fields?: LogFields): void {
    this.logger.debug(message, fields);
  }

  public info(message: string, fields?: LogFields): void {
    this.logger.info(message, fields);
  }

  public warn(message: string, fields?: LogFields): void {
    this.logger.warn(message, fields);
  }

  public error(message: string, fields?: LogFields): void {
    this.logger.error(message, fields);
  }
}
