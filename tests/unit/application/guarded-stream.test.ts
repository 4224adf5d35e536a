import { GuardedStream, type StreamEnd } from '../../../src/application/route-chat/guarded-stream';

const text = (s: string) => new TextEncoder().encode(s);

function upstream(parts: readonly string[], failAt?: number) {
  let returned = false;
  async function* produce(): AsyncGenerator<Uint8Array> {
    try {
      for (let i = 0; i < parts.length; i += 1) {
        if (i === failAt) throw new Error('cut');
        yield text(parts[i] as string);
      }
    } finally {
      returned = true;
    }
  }
  const iterator = produce();
  return { iterator, wasClosed: () => returned };
}

describe('GuardedStream', () => {
  it('yields the read-ahead chunk first, then the rest, and reports completion once', async () => {
    const ends: StreamEnd[] = [];
    const source = upstream(['b', 'c']);
    const stream = new GuardedStream(source.iterator, (end) => ends.push(end), text('a'));
    const seen: string[] = [];
    for await (const chunk of stream) seen.push(new TextDecoder().decode(chunk));
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(ends).toEqual([{ kind: 'completed' }]);
  });

  it('reports a failure once and rethrows it', async () => {
    const ends: StreamEnd[] = [];
    const stream = new GuardedStream(upstream(['a', 'b'], 1).iterator, (end) => ends.push(end));
    await expect((async () => {
      for await (const _chunk of stream) {
        // read until it fails
      }
    })()).rejects.toThrow('cut');
    expect(ends.map((end) => end.kind)).toEqual(['failed']);
  });

  it('reports an abandon even before the first read, and closes the upstream', async () => {
    const ends: StreamEnd[] = [];
    const source = upstream(['a', 'b']);
    await source.iterator.next();
    const stream = new GuardedStream(source.iterator, (end) => ends.push(end), text('x'));
    await stream.return();
    await stream.return();
    expect(ends).toEqual([{ kind: 'abandoned' }]);
    expect(source.wasClosed()).toBe(true);
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  it('runs later listeners after the first, once, and one added after the end at once', async () => {
    const calls: string[] = [];
    const stream = new GuardedStream(upstream(['a']).iterator, (end) => calls.push(`first:${end.kind}`));
    stream.alsoOnEnd((end) => calls.push(`log:${end.kind}`), { kind: 'abandoned' });
    for await (const _chunk of stream) {
      // read to the end
    }
    stream.alsoOnEnd((end) => calls.push(`late:${end.kind}`), { kind: 'abandoned' });
    expect(calls).toEqual(['first:completed', 'log:completed', 'late:abandoned']);
  });
});
