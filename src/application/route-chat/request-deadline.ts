import type { Clock } from '../ports/clock';
import type { ClientConnection } from './client-connection';

/**
 * The one abort signal of a whole request: fires when the deadline passes or when the client goes
 * away. Once a stream is served the deadline no longer applies (a stream is governed by
 * idle timeouts); `limitStream` replaces it by the plan's `maxStreamMs`, if any, still counted from
 * the request's start. The signal reaches the upstream call, so an abort ends the stream's body.
 */
export class RequestDeadline {
  private readonly controller = new AbortController();
  private cancelTimer: (() => void) | undefined;
  private expired = false;
  private clientGone = false;
  private readonly startedAt: number;
  private readonly stopWatching: (() => void) | undefined;

  public constructor(
    private readonly clock: Clock,
    timeoutMs: number,
    client: ClientConnection | undefined,
  ) {
    this.startedAt = clock.now();
    this.cancelTimer = clock.schedule(timeoutMs, () => {
      this.expired = true;
      this.controller.abort(new Error(`request deadline of ${timeoutMs} ms passed`));
    });
    this.stopWatching = client?.watch(this.onClientGone);
  }

  private readonly onClientGone = (): void => {
    this.clientGone = true;
    this.controller.abort(new Error('client closed the request'));
  };

  public get signal(): AbortSignal {
    return this.controller.signal;
  }

  public get deadlinePassed(): boolean {
    return this.expired;
  }

  public get clientClosed(): boolean {
    return this.clientGone;
  }

  /**
   * Stops the request deadline and, when `maxStreamMs` is set, aborts the stream once that many ms
   * have passed since the request started. No timer when it is undefined.
   */
  public limitStream(maxStreamMs: number | undefined): void {
    this.disarm();
    if (maxStreamMs === undefined) return;
    const left = Math.max(0, maxStreamMs - (this.clock.now() - this.startedAt));
    this.cancelTimer = this.clock.schedule(left, () => this.controller.abort(new StreamLimitPassed(maxStreamMs)));
  }

  private disarm(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }

  public dispose(): void {
    this.disarm();
    this.stopWatching?.();
  }
}

/** The abort reason of a stream ended by `maxStreamMs`; its message is what the client is told. */
export class StreamLimitPassed extends Error {
  public override readonly name = 'StreamLimitPassed';

  public constructor(maxStreamMs: number) {
    super(`the stream passed max_stream_ms (${maxStreamMs} ms since the request started)`);
  }
}
