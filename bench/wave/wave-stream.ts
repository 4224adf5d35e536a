import { Client, type Dispatcher } from 'undici';
import type { ChatTarget } from '../load/chat-target';
import { elapsedMsSince } from '../load/elapsed-ms';
import { describeError, failed, type RequestOutcome } from '../load/request-outcome';

/** Bounds every stream in time: a stalled one fails instead of holding the wave open. */
const ConnectTimeoutMs = 5_000;
const HeadersTimeoutMs = 10_000;
/** Longest gap allowed between two chunks. */
const BodyTimeoutMs = 10_000;
/** Bytes kept from the end of the stream, to find the closing `[DONE]`. */
const TailBytes = 64;

/** A streamed completion on its own connection, as one of many independent clients would send it. */
export interface WaveStream {
  /** Settles once with the outcome; never rejects. */
  readonly outcome: Promise<RequestOutcome>;
  /** Ends the stream at once (the outcome becomes `reason`, unless it had already settled). */
  abort(reason: string): void;
}

/**
 * Opens a new connection (an undici Client of its own) and sends one streamed request on it. Time to
 * first token runs from just before the request is handed to the client (connecting included) to the
 * first received bytes that hold `data:`; the stream is complete when it ends with `[DONE]`.
 * Uses undici's raw dispatch handler, so that reading a chunk costs the bench as little as possible.
 */
export function openWaveStream(target: ChatTarget, payload: Buffer): WaveStream {
  const client = new Client(target.origin, {
    pipelining: 1,
    connect: { timeout: ConnectTimeoutMs },
    headersTimeout: HeadersTimeoutMs,
    bodyTimeout: BodyTimeoutMs,
  });
  let settle: (outcome: RequestOutcome) => void = () => undefined;
  const outcome = new Promise<RequestOutcome>((resolve) => {
    let settled = false;
    settle = (result) => {
      if (settled) return;
      settled = true;
      resolve(result);
      void client.destroy().catch(() => undefined);
    };
  });
  const startNs = process.hrtime.bigint();
  let statusCode = 0;
  let firstChunkMs: number | undefined;
  let tail: Buffer = Buffer.alloc(0);
  const handler: Dispatcher.DispatchHandler = {
    // Its presence tells undici that this handler speaks the new (v7) handler API.
    onRequestStart: () => undefined,
    onResponseStart: (_controller, status) => {
      statusCode = status;
    },
    onResponseData: (_controller, chunk) => {
      if (firstChunkMs === undefined && chunk.includes('data:')) firstChunkMs = elapsedMsSince(startNs);
      tail = chunk.length >= TailBytes ? chunk.subarray(chunk.length - TailBytes) : Buffer.concat([tail, chunk]).subarray(-TailBytes);
    },
    onResponseEnd: () => {
      const latencyMs = elapsedMsSince(startNs);
      if (statusCode < 200 || statusCode > 299) settle(failed(`status ${statusCode}`));
      else if (firstChunkMs === undefined) settle(failed('stream without data: chunk'));
      else if (!tail.includes('[DONE]')) settle(failed('stream ended without [DONE]'));
      else settle({ kind: 'ok', latencyMs, firstChunkMs });
    },
    onResponseError: (_controller, error) => {
      settle(failed(describeError(error)));
    },
  };
  try {
    client.dispatch(
      { origin: target.origin, path: target.path, method: 'POST', headers: { 'content-type': 'application/json' }, body: payload },
      handler,
    );
  } catch (error) {
    settle(failed(describeError(error)));
  }
  return { outcome, abort: (reason) => settle(failed(reason)) };
}
