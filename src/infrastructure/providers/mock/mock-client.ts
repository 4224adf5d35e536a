import { setTimeout as sleep } from 'node:timers/promises';
import type { UpstreamCall, UpstreamResult } from '../../../application/ports/llm-client';
import type { ChatResponse } from '../../../domain/chat/chat-response';
import type { MockBehaviour } from '../../../domain/provider/provider-spec';
import { decodeOpenAiRequest } from '../../protocols/openai/decode-openai-request';
import {
  encodeOpenAiCompletion,
  encodeOpenAiError,
  OpenAiStreamEncoder,
} from '../../protocols/openai/encode-openai-response';
import { simulateReply, simulateStream } from './simulate-reply';

const encoder = new TextEncoder();
const NO_DELAY: MockBehaviour = { latencyMs: 0, chunkDelayMs: 0 };

/**
 * An in-process simulated LLM, so the sample configuration works with no keys and no network.
 * It answers in the client's protocol, exactly as a real upstream of that protocol would.
 */
export class MockClient {
  public async call(call: UpstreamCall): Promise<UpstreamResult> {
    const behaviour = call.instance.provider.mock ?? NO_DELAY;
    const decoded = decodeOpenAiRequest({ ...call.payload.body, model: call.instance.model });
    if (!decoded.ok) {
      const body = encoder.encode(JSON.stringify(encodeOpenAiError(decoded.message, 'invalid_request_error', null, decoded.param)));
      return {
        kind: 'failed',
        reason: 'http_status',
        status: 400,
        message: decoded.message,
        response: { kind: 'completed', status: 400, contentType: 'application/json', body },
      };
    }
    const response = simulateReply(decoded.request, {
      model: call.instance.model,
      ...(behaviour.reply !== undefined ? { reply: behaviour.reply } : {}),
    });
    try {
      if (behaviour.latencyMs > 0) await sleep(behaviour.latencyMs, undefined, { signal: call.signal });
    } catch {
      return { kind: 'failed', reason: 'aborted', message: 'aborted while the mock was thinking' };
    }
    if (!call.stream) {
      const body = encoder.encode(JSON.stringify(encodeOpenAiCompletion(response)));
      return { kind: 'completed', status: 200, contentType: 'application/json', body, usageTokens: response.usage.totalTokens };
    }
    const includeUsage = (call.payload.body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true;
    return {
      kind: 'streaming',
      status: 200,
      contentType: 'text/event-stream',
      chunks: streamReply(response, includeUsage, behaviour.chunkDelayMs, call.signal),
    };
  }
}

async function* streamReply(
  response: ChatResponse,
  includeUsage: boolean,
  chunkDelayMs: number,
  signal: AbortSignal,
): AsyncGenerator<Uint8Array> {
  const framing = new OpenAiStreamEncoder(includeUsage);
  let first = true;
  for (const event of simulateStream(response)) {
    const text = framing.encode(event);
    if (text === '') continue;
    if (!first && chunkDelayMs > 0) await sleep(chunkDelayMs, undefined, { signal });
    first = false;
    yield encoder.encode(text);
  }
  yield encoder.encode(framing.done());
}
