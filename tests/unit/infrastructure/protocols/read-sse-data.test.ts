import { readSseData } from '../../../../src/infrastructure/protocols/sse/read-sse-data';

async function* bytes(parts: readonly string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}

async function collect(parts: readonly string[]): Promise<string[]> {
  const events: string[] = [];
  for await (const data of readSseData(bytes(parts))) events.push(data);
  return events;
}

describe('readSseData', () => {
  it('yields the data of each event', async () => {
    expect(await collect(['data: {"a":1}\n\ndata: [DONE]\n\n'])).toEqual(['{"a":1}', '[DONE]']);
  });

  it('reassembles events split across chunks anywhere, even inside a multi-byte character', async () => {
    const text = 'data: {"t":"héllo"}\n\ndata: two\n\n';
    const encoded = new TextEncoder().encode(text);
    const split = encoded.indexOf(0xa9); // second byte of "é"
    async function* raw(): AsyncGenerator<Uint8Array> {
      yield encoded.subarray(0, split);
      yield encoded.subarray(split, split + 7);
      yield encoded.subarray(split + 7);
    }
    const events: string[] = [];
    for await (const data of readSseData(raw())) events.push(data);
    expect(events).toEqual(['{"t":"héllo"}', 'two']);
  });

  it('joins multi-line data, ignores comments and other fields, and accepts CRLF', async () => {
    expect(await collect([': keep-alive\r\n\r\nevent: x\r\ndata: a\r\ndata: b\r\n\r\n'])).toEqual(['a\nb']);
  });

  it('yields a last event that has no trailing blank line', async () => {
    expect(await collect(['data: one\n\ndata: tail'])).toEqual(['one', 'tail']);
  });
});
