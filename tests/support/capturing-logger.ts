import type { LogFields, Logger } from '../../src/application/ports/logger';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogLine {
  readonly level: LogLevel;
  readonly message: string;
  readonly fields: LogFields;
}

/** A logger that drops everything, for tests that do not look at the log. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** A logger that keeps every line (fields default to `{}`), for tests that assert what was logged. */
export class CapturingLogger implements Logger {
  public readonly lines: LogLine[] = [];

  public debug(message: string, fields: LogFields = {}): void {
    this.lines.push({ level: 'debug', message, fields });
  }
  public info(message: string, fields: LogFields = {}): void {
    this.lines.push({ level: 'info', message, fields });
  }
  public warn(message: string, fields: LogFields = {}): void {
    this.lines.push({ level: 'warn', message, fields });
  }
  public error(message: string, fields: LogFields = {}): void {
    this.lines.push({ level: 'error', message, fields });
  }

  /** The messages logged at `level`, in order. */
  public messages(level: LogLevel): string[] {
    return this.lines.filter((line) => line.level === level).map((line) => line.message);
  }

  /** Whether a line with this message was logged about this instance. */
  public said(message: string, instance: string): boolean {
    return this.lines.some((line) => line.message === message && line.fields.instance === instance);
  }
}
