import { SseFraming } from '../../protocols/sse/sse-framing';

const DONE = new TextEncoder().encode('[DONE]');
const FINISHED: IteratorResult<Uint8Array> = Object.freeze({ done: true, value: undefined });

/**
 * An OpenAI SSE body as the gateway relays it. Bytes pass untouched and in order, but only whole
 * events are handed on: the bytes of an event not yet complete are held until its blank line
 * arrives (the usual chunk, ending at a boundary, is passed on as the very same object; a chunk
 * ending mid-event is cut into views, and held bytes are copied once when their event completes).
 * So the client never holds half an event when an error event follows, and:
 * - nothing is handed on before the first complete event, so a stream cut before that is a failed
 *   attempt, not a served stream;
 * - passing `maxBytes` throws (the body is destroyed);
 * - an end in the middle of an event, or without `data: [DONE]`, throws instead of ending.
 * `return()` always lets go of the body, even before the first read.
 */
export class CheckedSseStream implements AsyncIterableIterator<Uint8Array> {
  private readonly framing = new SseFraming(DONE);
  private bytes = 0;
  /** Bytes of the event in progress (before the first event: everything so far). */
  private readonly held: Uint8Array[] = [];
  private finished = false;

  public constructor(
    private readonly body: AsyncIterator<Uint8Array>,
    private readonly maxBytes: number,
  ) {}

  public [Symbol.asyncIterator](): this {
    return this;
  }

  public async next(): Promise<IteratorResult<Uint8Array>> {
    if (this.finished) return FINISHED;
    for (;;) {
      const result = await this.body.next();
      if (result.done === true) return this.end();
      const chunk = result.value;
      this.bytes += chunk.byteLength;
      if (this.bytes > this.maxBytes) {
        return this.fail(`the upstream stream passed max_response_bytes (${this.maxBytes} bytes)`);
      }
      const boundary = this.framing.push(chunk);
      if (boundary === -1 || this.framing.events === 0) {
        this.held.push(chunk);
        continue;
      }
      if (boundary === chunk.length && this.held.length === 0) return result;
      const ready = this.release(chunk.subarray(0, boundary));
      if (boundary < chunk.length) this.held.push(chunk.subarray(boundary));
      return { done: false, value: ready };
    }
  }

  public async return(): Promise<IteratorResult<Uint8Array>> {
    this.finished = true;
    this.held.length = 0;
    await this.body.return?.().catch(() => undefined);
    return FINISHED;
  }

  /** The held bytes followed by `last`, as one chunk; empties the hold. */
  private release(last: Uint8Array): Uint8Array {
    if (this.held.length === 0) return last;
    const joined = Buffer.concat([...this.held, last]);
    this.held.length = 0;
    return joined;
  }

  private end(): IteratorResult<Uint8Array> {
    this.finished = true;
    const problem = this.framing.finish();
    if (problem !== undefined) throw new Error(problem);
    // Only a terminator left without its blank line (or a trailing comment) can still be held.
    if (this.held.length === 0) return FINISHED;
    return { done: false, value: this.release(new Uint8Array(0)) };
  }

  private async fail(message: string): Promise<never> {
    await this.return();
    throw new Error(message);
  }
}
