import type { LogFields, Logger } from '../../../src/application/ports/logger';

/** A logger that keeps every line, for tests that assert what the gateway logged. */
export class CapturingLogger implements Logger {
  public readonly lines: { level: string; message: string; fields: LogFields }[] = [];

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

  /** Whether a line with this message was logged about this instance. */
  public said(message: string, instance: string): boolean {
    return this.lines.some((line) => line.message === message && line.fields.instance === instance);
  }
}
