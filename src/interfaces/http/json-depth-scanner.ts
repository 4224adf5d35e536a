const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * Tracks how deeply a JSON text nests arrays and objects while its bytes arrive, so that a body
 * nested past the limit is refused before it is buffered whole, parsed, or (worse) re-serialised
 * recursively further down the line. One pass over each chunk, no allocation; state carries over
 * between chunks, including a string or an escape split across two of them.
 *
 * It counts brackets only: a malformed body is left for `JSON.parse` to reject. Every byte of a
 * multi-byte UTF-8 character is 0x80 or above, so it can never be mistaken for a quote or bracket.
 */
export class JsonDepthScanner {
  private depth = 0;
  private inString = false;
  /** Inside a string, the next byte is escaped (the chunk ended on an odd run of backslashes). */
  private escaped = false;

  public constructor(private readonly maxDepth: number) {}

  /** Scans the next chunk; false as soon as the nesting goes deeper than the limit. */
  public accept(chunk: Buffer): boolean {
    const length = chunk.length;
    let i = 0;
    while (i < length) {
      if (this.inString) {
        i = this.skipString(chunk, i);
        continue;
      }
      const byte = chunk[i] as number;
      i += 1;
      if (byte === QUOTE) {
        this.inString = true;
      } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        this.depth += 1;
        if (this.depth > this.maxDepth) return false;
      } else if ((byte === CLOSE_BRACE || byte === CLOSE_BRACKET) && this.depth > 0) {
        this.depth -= 1;
      }
    }
    return true;
  }

  /**
   * From inside a string, jumps to the byte after its closing quote (or to the chunk's end), using
   * the native `indexOf`: string content is most of a chat body, and a byte-by-byte loop over it
   * costs several times what `JSON.parse` does. A quote preceded by an odd run of backslashes is escaped.
   */
  private skipString(chunk: Buffer, from: number): number {
    let start = from;
    if (this.escaped) {
      this.escaped = false;
      start += 1;
    }
    for (;;) {
      const quote = chunk.indexOf(QUOTE, start);
      if (quote === -1) {
        this.escaped = backslashRunBefore(chunk, chunk.length, start) % 2 === 1;
        return chunk.length;
      }
      if (backslashRunBefore(chunk, quote, start) % 2 === 0) {
        this.inString = false;
        return quote + 1;
      }
      start = quote + 1;
    }
  }
}

/** How many backslashes come right before `end`, looking no further back than `floor`. */
function backslashRunBefore(chunk: Buffer, end: number, floor: number): number {
  let index = end - 1;
  while (index >= floor && chunk[index] === BACKSLASH) index -= 1;
  return end - 1 - index;
}
