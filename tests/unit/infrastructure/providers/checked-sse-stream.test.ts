import { CheckedSseStream } from '../../../../src/infrastructure/providers/openai/checked-sse-stream';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function streamOf(parts: readonly string[], maxBytes = 1024 * 1024): { stream: CheckedSseStream; released: () => boolean } {
  let released = false;
  async function* body(): AsyncGenerator<Uint8Array> {
    try {
      for (const part of parts) yield encoder.encode(part);
    } finally {
      released = true;
    }
  }
  return { stream: new CheckedSseStream(body(), maxBytes), released: () => released };
}

async function read(stream: CheckedSseStream): Promise<{ chunks: string[]; error?: string }> {
  const chunks: string[] = [];
  try {
    for (;;) {
      const next = await stream.next();
      if (next.done === true) return { chunks };
      chunks.push(decoder.decode(next.value));
    }
  } catch (error) {
    return { chunks, error: (error as Error).message };
  }
}

describe('CheckedSseStream', () => {
  it('passes whole-event chunks on as the very same objects', async () => {
    const first = encoder.encode('data: {"a":1}\n\n');
    const last = encoder.encode('data: [DONE]\n\n');
    async function* body(): AsyncGenerator<Uint8Array> {
      yield first;
      yield last;
    }
    const stream = new CheckedSseStream(body(), 1024);
    expect((await stream.next()).value).toBe(first);
    expect((await stream.next()).value).toBe(last);
    expect((await stream.next()).done).toBe(true);
  });

  it('holds bytes back until their event is complete, without changing them', async () => {
    const parts = ['data: {"a"', ':1}\n', '\ndata: {"b":2}\n\nda', 'ta: [DONE]\n\n'];
    const { chunks, error } = await read(streamOf(parts).stream);
    expect(error).toBeUndefined();
    expect(chunks).toEqual(['data: {"a":1}\n\ndata: {"b":2}\n\n', 'data: [DONE]\n\n']);
    expect(chunks.join('')).toBe(parts.join(''));
  });

  it('fails before handing anything on when the stream is cut before its first complete event', async () => {
    const { chunks, error } = await read(streamOf(['data: {"a":1}\n']).stream);
    expect(chunks).toEqual([]);
    expect(error).toMatch(/in the middle of an event/);
  });

  it('throws at the end of a stream without data: [DONE], after its complete events', async () => {
    const { chunks, error } = await read(streamOf(['data: {"a":1}\n\n', 'data: {"b":2}\n\n']).stream);
    expect(chunks).toHaveLength(2);
    expect(error).toMatch(/without its `data: \[DONE\]` terminator/);
  });

  it('never hands on half an event of a stream cut midway', async () => {
    const { chunks, error } = await read(streamOf(['data: {"a":1}\n\ndata: {"b', '":2']).stream);
    expect(chunks).toEqual(['data: {"a":1}\n\n']);
    expect(error).toMatch(/in the middle of an event/);
  });

  it('throws and lets go of the body once the bytes pass the limit', async () => {
    const event = `data: ${'x'.repeat(100)}\n\n`;
    const { stream, released } = streamOf([event, event, event, 'data: [DONE]\n\n'], 250);
    const { chunks, error } = await read(stream);
    expect(chunks).toHaveLength(2);
    expect(error).toMatch(/passed max_response_bytes \(250 bytes\)/);
    expect(released()).toBe(true);
  });

  it('lets go of the body when abandoned', async () => {
    const { stream, released } = streamOf(['data: {"a":1}\n\n', 'data: [DONE]\n\n']);
    await stream.next();
    await stream.return();
    expect(released()).toBe(true);
  });
});
