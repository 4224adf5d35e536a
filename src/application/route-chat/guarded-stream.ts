export type StreamEnd =
  | { readonly kind: 'completed' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'abandoned' };

/**
 * Wraps a byte stream so that `onEnd` runs exactly once: when it completes, fails, or is abandoned
 * by its reader, even before the first read (a plain async generator would skip its `finally` in
 * that case, leaking an instance's concurrency slot). `first` is a chunk already read ahead.
 * Whoever wraps it further for its own end (the request log) adds a listener with `alsoOnEnd`
 * instead, so that a chunk passes one wrapper, not one per interested party.
 */
export class GuardedStream implements AsyncIterableIterator<Uint8Array> {
  private ended = false;
  private readonly listeners: ((end: StreamEnd) => void)[];

  public constructor(
    private readonly upstream: AsyncIterator<Uint8Array>,
    onEnd: (end: StreamEnd) => void,
    private pending?: Uint8Array,
  ) {
    this.listeners = [onEnd];
  }

  /** Runs `listener` too when the stream ends, after the earlier ones; at once if it has ended already. */
  public alsoOnEnd(listener: (end: StreamEnd) => void, ifEnded: StreamEnd): void {
    if (this.ended) listener(ifEnded);
    else this.listeners.push(listener);
  }

  public [Symbol.asyncIterator](): this {
    return this;
  }

  public async next(): Promise<IteratorResult<Uint8Array>> {
    if (this.pending !== undefined) {
      const value = this.pending;
      this.pending = undefined;
      return { done: false, value };
    }
    if (this.ended) return { done: true, value: undefined };
    try {
      const result = await this.upstream.next();
      if (result.done === true) this.end({ kind: 'completed' });
      return result;
    } catch (error) {
      this.end({ kind: 'failed', error });
      throw error;
    }
  }

  public async return(): Promise<IteratorResult<Uint8Array>> {
    this.pending = undefined;
    if (!this.ended) {
      this.end({ kind: 'abandoned' });
      await this.upstream.return?.().catch(() => undefined);
    }
    return { done: true, value: undefined };
  }

  private end(end: StreamEnd): void {
    if (this.ended) return;
    this.ended = true;
    for (const listener of this.listeners) listener(end);
  }
}
