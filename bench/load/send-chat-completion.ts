import type { Pool } from 'undici';
import { elapsedMsSince } from './elapsed-ms';
import { describeError, failed, type RequestOutcome, type SendRequest } from './request-outcome';

const JsonHeaders = { 'content-type': 'application/json' };

/** A non-streamed chat completion; latency runs until the whole answer body has arrived. */
export function chatCompletionSender(pool: Pool, path: string, payload: Buffer): SendRequest {
  return async (): Promise<RequestOutcome> => {
    const startNs = process.hrtime.bigint();
    try {
      const { statusCode, body } = await pool.request({
        path,
        method: 'POST',
        headers: JsonHeaders,
        body: payload,
      });
      await body.arrayBuffer();
      if (statusCode < 200 || statusCode > 299) return failed(`status ${statusCode}`);
      return { kind: 'ok', latencyMs: elapsedMsSince(startNs), firstChunkMs: undefined };
    } catch (error) {
      return failed(describeError(error));
    }
  };
}

/**
 * A streamed chat completion: time to the first `data:` chunk, and time to the end of the stream,
 * which must close with `data: [DONE]`.
 */
export function chatStreamSender(pool: Pool, path: string, payload: Buffer): SendRequest {
  return async (): Promise<RequestOutcome> => {
    const startNs = process.hrtime.bigint();
    try {
      const { statusCode, body } = await pool.request({
        path,
        method: 'POST',
        headers: JsonHeaders,
        body: payload,
      });
      if (statusCode < 200 || statusCode > 299) {
        await body.arrayBuffer();
        return failed(`status ${statusCode}`);
      }
      let firstChunkMs: number | undefined;
      let tail = '';
      for await (const chunk of body as AsyncIterable<Buffer>) {
        if (firstChunkMs === undefined && chunk.includes('data:')) firstChunkMs = elapsedMsSince(startNs);
        tail = (tail + chunk.toString('latin1')).slice(-64);
      }
      const latencyMs = elapsedMsSince(startNs);
      if (firstChunkMs === undefined) return failed('stream without data: chunk');
      if (!tail.includes('[DONE]')) return failed('stream ended without [DONE]');
      return { kind: 'ok', latencyMs, firstChunkMs };
    } catch (error) {
      return failed(describeError(error));
    }
  };
}
