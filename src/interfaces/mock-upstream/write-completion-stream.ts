import type { ServerResponse } from 'node:http';
import type { ChatResponse } from '../../domain/chat/chat-response';
import { OpenAiStreamEncoder } from '../../infrastructure/protocols/openai/encode-openai-response';
import { simulateStream } from '../../infrastructure/providers/mock/simulate-reply';
import type { MockUpstreamKnobs } from './mock-upstream-knobs';
import type { RequestLifetime } from './request-lifetime';

/**
 * Streams `response` as OpenAI SSE chunks: headers at once, the first chunk after the TTFT,
 * `chunkDelayMs` between chunks, then `[DONE]` — unless `streamCutAfterChunks` drops the socket first.
 * `onClientGone` runs when the client goes away before the end (a cut made by the knob is not that).
 */
export function writeCompletionStream(
  res: ServerResponse,
  lifetime: RequestLifetime,
  response: ChatResponse,
  knobs: MockUpstreamKnobs,
  includeUsage: boolean,
  onClientGone: () => void,
): void {
  const encoder = new OpenAiStreamEncoder(includeUsage);
  const frames: string[] = [];
  for (const event of simulateStream(response, knobs.chunks)) {
    const frame = encoder.encode(event);
    if (frame !== '') frames.push(frame);
  }
  const cutAfter = knobs.streamCutAfterChunks;
  const { chunkDelayMs } = knobs;
  let cut = false;
  res.once('close', () => {
    if (!cut && !res.writableFinished) onClientGone();
  });

  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const ttftMs = knobs.ttftMs ?? knobs.latencyMs;
  if (ttftMs > 0) res.flushHeaders();

  // A loop, not recursion, so a stream without delays is written in one synchronous pass.
  const writeFrom = (first: number): void => {
    for (let next = first; ; ) {
      if (next === cutAfter) {
        cut = true;
        return cutStream(res);
      }
      if (next === frames.length) {
        res.end(encoder.done());
        return;
      }
      res.write(frames[next]);
      next += 1;
      if (chunkDelayMs > 0 && next < frames.length) {
        const resumeAt = next;
        lifetime.after(chunkDelayMs, () => writeFrom(resumeAt));
        return;
      }
    }
  };
  lifetime.after(ttftMs, () => writeFrom(0));
}

/** Destroys the socket once what was written has left, so the client gets the chunks, then an abrupt end. */
function cutStream(res: ServerResponse): void {
  const socket = res.socket;
  if (socket === null) return;
  res.write('', () => socket.destroy());
}
