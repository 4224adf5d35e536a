import type { ServerResponse } from 'node:http';

/**
 * One request from arrival until its response closes (answered, cut, or abandoned by the client).
 * Runs the reply's delayed steps and cancels the pending one as soon as the response closes.
 */
export class RequestLifetime {
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  public constructor(res: ServerResponse, onClose: () => void) {
    res.once('close', () => {
      this.closed = true;
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = undefined;
      onClose();
    });
  }

  public get isClosed(): boolean {
    return this.closed;
  }

  /** Runs `step` after `delayMs`; synchronously when the delay is 0, so no delay adds no latency. */
  public after(delayMs: number, step: () => void): void {
    if (this.closed) return;
    if (delayMs <= 0) {
      step();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.closed) step();
    }, delayMs);
  }
}
