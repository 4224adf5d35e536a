import { SseFraming } from '../../../../src/infrastructure/protocols/sse/sse-framing';

const encoder = new TextEncoder();
const DONE = encoder.encode('[DONE]');

/** Feeds `parts` to a fresh framing; returns it with the boundary offset each push reported. */
function follow(parts: readonly string[]): { framing: SseFraming; boundaries: number[] } {
  const framing = new SseFraming(DONE);
  const boundaries = parts.map((part) => framing.push(encoder.encode(part)));
  return { framing, boundaries };
}

/** Every way of cutting `text` in two. */
function splits(text: string): string[][] {
  const result: string[][] = [];
  for (let at = 0; at <= text.length; at += 1) result.push([text.slice(0, at), text.slice(at)]);
  return result;
}

describe('SseFraming', () => {
  it.each([
    ['LF', 'data: {"a":1}\n\ndata: [DONE]\n\n'],
    ['CRLF', 'data: {"a":1}\r\n\r\ndata: [DONE]\r\n\r\n'],
    ['CR', 'data: {"a":1}\r\rdata: [DONE]\r\r'],
    ['no space after data:', 'data:{"a":1}\n\ndata:[DONE]\n\n'],
    ['comments and other fields', ': keep-alive\n\nid: 1\nevent: message\ndata: {"a":1}\n\ndata: [DONE]\n\n'],
  ])('accepts a well-ended stream with %s framing, cut anywhere', (_name, text) => {
    for (const parts of splits(text)) {
      const { framing } = follow(parts);
      expect(framing.events).toBe(2);
      expect(framing.finish()).toBeUndefined();
    }
  });

  it('accepts a terminator whose blank line never came', () => {
    expect(follow(['data: {"a":1}\n\ndata: [DONE]\n']).framing.finish()).toBeUndefined();
    expect(follow(['data: {"a":1}\n\ndata: [DONE]']).framing.finish()).toBeUndefined();
  });

  it('reports a stream without data: [DONE]', () => {
    for (const parts of splits('data: {"a":1}\n\ndata: {"b":2}\n\n')) {
      expect(follow(parts).framing.finish()).toMatch(/without its `data: \[DONE\]` terminator \(after 2 complete events\)/);
    }
  });

  it('reports a stream that ends in the middle of an event', () => {
    expect(follow(['data: {"a":1}\n\ndata: {"b"']).framing.finish()).toMatch(/in the middle of an event \(after 1 complete events\)/);
    expect(follow(['data: {"a":1}\n\ndata: {"b":2}\n']).framing.finish()).toMatch(/in the middle of an event/);
  });

  it('does not take lookalikes of the terminator for it', () => {
    for (const line of ['data: [DONE]x', 'data: [DON]', 'data:  [DONE]', 'dat: [DONE]', ': data: [DONE]']) {
      expect(follow([`data: {"a":1}\n\n${line}\n\n`]).framing.finish()).toMatch(/terminator/);
    }
  });

  it('counts no event for comments alone', () => {
    const { framing } = follow([': ping\n\n: ping\n\n']);
    expect(framing.events).toBe(0);
  });

  it('reports the offset just past the last boundary of each chunk, or -1', () => {
    const { boundaries } = follow(['data: a\n\ndata: b', '\n', '\ndata: c\r\n\r\n', 'data: d']);
    expect(boundaries).toEqual([9, -1, 12, -1]);
  });

  it('without a terminator only checks that the last event is complete', () => {
    const framing = new SseFraming();
    framing.push(encoder.encode('event: ping\ndata: {}\n\n'));
    expect(framing.finish()).toBeUndefined();
  });
});
