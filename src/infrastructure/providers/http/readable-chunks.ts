import type { Readable } from 'node:stream';

const DONE: IteratorResult<Uint8Array> = Object.freeze({ done: true, value: undefined });

/**
 * The chunks of an upstream body as an async iterator, read from the stream's events. Node's own
 * async iterator over a Readable costs a `read()`, an end-of-stream watcher and several promise
 * hops per chunk; a stream relays every chunk of every answer, so this one settles one promise per
 * chunk. Backpressure is kept: past `highWaterChunks` unread chunks the body is paused (and so is
 * the upstream socket) until the reader catches up. `return()` destroys the body.
 */
export class ReadableChunks implements AsyncIterator<Uint8Array> {
  private readonly queue: Uint8Array[] = [];
  private waiting: { resolve: (result: IteratorResult<Uint8Array>) => void; reject: (error: unknown) => void } | undefined;
  private ended = false;
  private failure: unknown;
  private paused = false;

  public constructor(
    private readonly body: Readable,
    private readonly highWaterChunks = 16,
  ) {
    body.on('data', this.onData);
    body.once('end', this.onEnd);
    body.once('error', this.onError);
    body.once('close', this.onClose);
  }

  public next(): Promise<IteratorResult<Uint8Array>> {
    const chunk = this.queue.shift();
    if (chunk !== undefined) {
      if (this.paused && this.queue.length <= this.highWaterChunks / 2) {
        this.paused = false;
        this.body.resume();
      }
      return Promise.resolve({ done: false, value: chunk });
    }
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.ended) return Promise.resolve(DONE);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  public return(): Promise<IteratorResult<Uint8Array>> {
    this.ended = true;
    this.queue.length = 0;
    this.detach();
    // The abort is reported as an error event, which nobody needs any more.
    this.body.on('error', ignore);
    this.body.destroy();
    return Promise.resolve(DONE);
  }

  private readonly onData = (chunk: Uint8Array): void => {
    const waiting = this.waiting;
    if (waiting !== undefined) {
      this.waiting = undefined;
      waiting.resolve({ done: false, value: chunk });
      return;
    }
    this.queue.push(chunk);
    if (!this.paused && this.queue.length >= this.highWaterChunks) {
      this.paused = true;
      this.body.pause();
    }
  };

  private readonly onEnd = (): void => {
    this.ended = true;
    this.detach();
    this.settleWaiting(DONE);
  };

  private readonly onError = (error: Error): void => {
    this.fail(error);
  };

  private readonly onClose = (): void => {
    if (!this.ended) this.fail(new Error('the upstream body closed before its end'));
  };

  private fail(error: unknown): void {
    if (this.ended || this.failure !== undefined) return;
    this.failure = error;
    this.detach();
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(error);
  }

  private settleWaiting(result: IteratorResult<Uint8Array>): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve(result);
  }

  private detach(): void {
    this.body.off('data', this.onData);
    this.body.off('end', this.onEnd);
    this.body.off('error', this.onError);
    this.body.off('close', this.onClose);
  }
}

function ignore(): void {}
