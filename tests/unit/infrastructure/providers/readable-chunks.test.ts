import { PassThrough } from 'node:stream';
import { ReadableChunks } from '../../../../src/infrastructure/providers/http/readable-chunks';

const text = (chunk: Uint8Array | undefined): string => Buffer.from(chunk ?? new Uint8Array()).toString();

describe('ReadableChunks', () => {
  it('yields every chunk in order, those written before the read and after, then ends', async () => {
    const body = new PassThrough();
    const chunks = new ReadableChunks(body);
    body.write('a');
    body.write('b');
    const seen: string[] = [];
    const reading = (async () => {
      for (;;) {
        const next = await chunks.next();
        if (next.done === true) return;
        seen.push(text(next.value));
      }
    })();
    await new Promise((resolve) => setImmediate(resolve));
    body.write('c');
    body.end();
    await reading;
    expect(seen.join('')).toBe('abc');
  });

  it('pauses the body when the reader falls behind, and resumes it as the reader catches up', async () => {
    const body = new PassThrough();
    const chunks = new ReadableChunks(body, 4);
    for (let i = 0; i < 6; i += 1) body.write(String(i));
    await new Promise((resolve) => setImmediate(resolve));
    expect(body.isPaused()).toBe(true);
    for (let i = 0; i < 4; i += 1) await chunks.next();
    expect(body.isPaused()).toBe(false);
  });

  it('rejects with the body error, and when the body closes before its end', async () => {
    const failing = new PassThrough();
    const fromError = new ReadableChunks(failing);
    const pending = fromError.next();
    failing.destroy(new Error('socket reset'));
    await expect(pending).rejects.toThrow('socket reset');

    const cut = new PassThrough();
    const fromClose = new ReadableChunks(cut);
    const waiting = fromClose.next();
    cut.destroy();
    await expect(waiting).rejects.toThrow('closed before its end');
  });

  it('destroys the body on return and ends there', async () => {
    const body = new PassThrough();
    const chunks = new ReadableChunks(body);
    body.write('x');
    expect(await chunks.return()).toEqual({ done: true, value: undefined });
    expect(body.destroyed).toBe(true);
    expect(await chunks.next()).toEqual({ done: true, value: undefined });
  });
});
