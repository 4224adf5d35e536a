import type { Clock } from '../ports/clock';

/**
 * One abort signal for a whole request: fires when the deadline passes or when the client's own
 * signal aborts. `disarm` stops the deadline (a stream past its first byte is governed by idle
 * timeouts, not by the request deadline) while still following the client.
 */
export class RequestDeadline {
  private readonly controller = new AbortController();
  private cancelTimer: (() => void) | undefined;
  private expired = false;
  private readonly onClientAbort = (): void => this.controller.abort(new Error('client closed the request'));

  public constructor(
    clock: Clock,
    timeoutMs: number,
    private readonly clientSignal: AbortSignal | undefined,
  ) {
    this.cancelTimer = clock.schedule(timeoutMs, () => {
      this.expired = true;
      this.controller.abort(new Error(`request deadline of ${timeoutMs} ms passed`));
    });
    if (clientSignal?.aborted) this.onClientAbort();
    else clientSignal?.addEventListener('abort', this.onClientAbort, { once: true });
  }

  public get signal(): AbortSignal {
    return this.controller.signal;
  }

  public get deadlinePassed(): boolean {
    return this.expired;
  }

  public get clientClosed(): boolean {
    return this.clientSignal?.aborted === true;
  }

  public disarm(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }

  public dispose(): void {
    this.disarm();
    this.clientSignal?.removeEventListener('abort', this.onClientAbort);
  }
}
