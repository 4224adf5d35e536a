/**
 * Reads a server-sent-events byte stream and yields the `data` of each event (multi-line data
 * joined with newlines). Events may be split across chunks in any place, even inside a character.
 */
export async function* readSseData(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of chunks) {
    buffer += decoder.decode(chunk, { stream: true });
    let boundary = findBoundary(buffer);
    while (boundary !== undefined) {
      const data = dataOf(buffer.slice(0, boundary.index));
      buffer = buffer.slice(boundary.index + boundary.length);
      if (data !== undefined) yield data;
      boundary = findBoundary(buffer);
    }
  }
  buffer += decoder.decode();
  const rest = dataOf(buffer);
  if (rest !== undefined) yield rest;
}

function findBoundary(buffer: string): { index: number; length: number } | undefined {
  const match = /\r\n\r\n|\n\n|\r\r/.exec(buffer);
  return match === null ? undefined : { index: match.index, length: match[0].length };
}

function dataOf(event: string): string | undefined {
  const lines: string[] = [];
  for (const line of event.split(/\r\n|\n|\r/)) {
    if (line.startsWith('data:')) lines.push(line.slice(line.startsWith('data: ') ? 6 : 5));
  }
  return lines.length > 0 ? lines.join('\n') : undefined;
}
