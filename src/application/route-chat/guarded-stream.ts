export type StreamEnd =
  | { readonly kind: 'completed' }
  | { readonly kind: 'failed'; readonly error: unknown }
  | { readonly kind: 'abandoned' };

/**
 * Wraps a byte stream so that `onEnd` runs exactly once: when it completes, fails, or is abandoned
 * by its reader, even before the first read (a plain async generator would skip its `finally` in
 * that case, leaking an instance's concurrency slot). `first` is a chunk already read ahead.
 */
export class GuardedStream implements AsyncIterableIterator<Uint8Array> {
  private ended = false;

  public constructor(
    private readonly upstream: AsyncIterator<Uint8Array>,
    private readonly onEnd: (end: StreamEnd) => void,
    private pending?: Uint8Array,
  ) {}

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
    this.onEnd(end);
  }
}
