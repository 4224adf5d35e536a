const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;
const SPACE = 0x20;
const DATA_FIELD = [0x64, 0x61, 0x74, 0x61, COLON] as const; // "data:"

/**
 * Follows the event framing of a server-sent-events byte stream without decoding or copying it:
 * where events end (a blank line after CR, LF or CRLF line ends, split across chunks anywhere), how
 * many complete events have passed, and, when a `terminator` is given, whether an event whose only
 * line is `data: <terminator>` (OpenAI's `[DONE]`) was seen. `finish` says at end of stream what,
 * if anything, is wrong with how it ended. An event counts as the terminator when one of its lines
 * is exactly `data: <terminator>` (or without the space).
 *
 * Cost per chunk: at most two native byte scans (for LF and CR) plus a few operations per line;
 * of each line only the first `6 + terminator.length` bytes are looked at, nothing is allocated.
 * Comment lines (`: keep-alive`) never make an event.
 */
export class SseFraming {
  private lineLength = 0;
  private afterCr = false;
  private readonly lineHead: Uint8Array;
  private eventOpen = false;
  private eventIsTerminator = false;
  private completeEvents = 0;
  private terminated = false;

  public constructor(private readonly terminator?: Uint8Array) {
    this.lineHead = new Uint8Array(DATA_FIELD.length + 1 + (terminator?.length ?? 0));
  }

  /** Complete events so far (a blank line after at least one field line). */
  public get events(): number {
    return this.completeEvents;
  }

  /**
   * Follows `chunk`; returns the offset just past the last event boundary (blank line) in it, or
   * -1 when it has none: the bytes after that offset belong to an event not yet complete.
   */
  public push(chunk: Uint8Array): number {
    const length = chunk.length;
    let boundary = -1;
    let nextLf = -2;
    let nextCr = -2;
    let index = 0;
    while (index < length) {
      const byte = chunk[index];
      if (byte === LF || byte === CR) {
        if (byte === LF && this.afterCr) {
          // The LF of a CRLF ends nothing more; it stays with the boundary it follows.
          if (boundary === index) boundary = index + 1;
        } else if (this.endLine()) {
          boundary = index + 1;
        }
        this.afterCr = byte === CR;
        index += 1;
        continue;
      }
      this.afterCr = false;
      if (nextLf !== -1 && nextLf < index) nextLf = chunk.indexOf(LF, index);
      if (nextCr !== -1 && nextCr < index) nextCr = chunk.indexOf(CR, index);
      const end = lineEnd(nextLf, nextCr, length);
      this.takeLineBytes(chunk, index, end);
      index = end;
    }
    return boundary;
  }

  /** At end of stream: undefined when it ended after a complete event (and its terminator), else why not. */
  public finish(): string | undefined {
    if (this.lineLength > 0) void this.endLine();
    if (this.eventOpen) {
      // A terminator event left without its blank line still says the answer is complete.
      if (!this.eventIsTerminator) return `the upstream stream ended in the middle of an event (after ${this.completeEvents} complete events)`;
      this.terminated = true;
    }
    if (this.terminator !== undefined && !this.terminated) {
      return `the upstream stream ended without its \`data: ${new TextDecoder().decode(this.terminator)}\` terminator (after ${this.completeEvents} complete events)`;
    }
    return undefined;
  }

  private takeLineBytes(chunk: Uint8Array, from: number, to: number): void {
    const head = this.lineHead;
    for (let at = from; at < to && this.lineLength + (at - from) < head.length; at += 1) {
      head[this.lineLength + (at - from)] = chunk[at] as number;
    }
    this.lineLength += to - from;
  }

  /** Ends the current line; true when it was blank (an event boundary). */
  private endLine(): boolean {
    if (this.lineLength === 0) {
      if (this.eventOpen) {
        this.completeEvents += 1;
        if (this.eventIsTerminator) this.terminated = true;
      }
      this.eventOpen = false;
      this.eventIsTerminator = false;
      return true;
    }
    if (this.lineHead[0] !== COLON) {
      if (!this.eventIsTerminator) this.eventIsTerminator = this.isTerminatorLine();
      this.eventOpen = true;
    }
    this.lineLength = 0;
    return false;
  }

  /** `data: <terminator>` or `data:<terminator>`, nothing else on the line. */
  private isTerminatorLine(): boolean {
    const terminator = this.terminator;
    if (terminator === undefined) return false;
    const head = this.lineHead;
    for (let i = 0; i < DATA_FIELD.length; i += 1) if (head[i] !== DATA_FIELD[i]) return false;
    const start = head[DATA_FIELD.length] === SPACE ? DATA_FIELD.length + 1 : DATA_FIELD.length;
    if (this.lineLength !== start + terminator.length) return false;
    for (let i = 0; i < terminator.length; i += 1) if (head[start + i] !== terminator[i]) return false;
    return true;
  }
}

function lineEnd(nextLf: number, nextCr: number, length: number): number {
  if (nextLf === -1) return nextCr === -1 ? length : nextCr;
  if (nextCr === -1) return nextLf;
  return nextLf < nextCr ? nextLf : nextCr;
}
