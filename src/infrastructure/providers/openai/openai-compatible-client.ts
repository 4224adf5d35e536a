import type { Dispatcher } from 'undici';
import type { CompletedResponse, UpstreamCall, UpstreamResult } from '../../../application/ports/llm-client';
import { describeTransportError } from '../http/describe-transport-error';
import { readLimitedBody } from '../http/read-limited-body';
import { readRetryAfter } from '../http/read-retry-after';
import type { UpstreamConnections } from '../http/upstream-connections';
import { describeUpstreamError } from './describe-upstream-error';
import { readTotalTokens } from './read-total-tokens';

const ERROR_BODY_LIMIT = 64 * 1024;

/**
 * Calls an OpenAI-compatible upstream. The client's OpenAI body is passed through with only
 * `model` replaced; a streamed answer is handed on chunk by chunk as undici delivers it.
 */
export class OpenAiCompatibleClient {
  public constructor(private readonly connections: UpstreamConnections) {}

  public async call(call: UpstreamCall): Promise<UpstreamResult> {
    const provider = call.instance.provider;
    const { pool, basePath } = this.connections.endpointFor(provider);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: call.stream ? 'text/event-stream' : 'application/json',
      'x-request-id': call.requestId,
      ...provider.headers,
    };
    if (provider.apiKey !== undefined && provider.apiKey !== '') headers.authorization = `Bearer ${provider.apiKey}`;
    let response: Dispatcher.ResponseData;
    try {
      response = await pool.request({
        method: 'POST',
        path: `${basePath}/chat/completions`,
        headers,
        body: JSON.stringify({ ...call.payload.body, model: call.instance.model }),
        signal: call.signal,
        headersTimeout: provider.requestTimeoutMs,
        bodyTimeout: provider.idleTimeoutMs,
      });
    } catch (error) {
      return describeTransportError(error, call.signal);
    }
    const contentType = headerValue(response.headers['content-type']) ?? 'application/json';
    if (response.statusCode < 200 || response.statusCode >= 300) {
      return this.failed(response, contentType, call.signal);
    }
    if (call.stream) {
      return { kind: 'streaming', status: response.statusCode, contentType, chunks: response.body };
    }
    try {
      const body = new Uint8Array(await response.body.arrayBuffer());
      if (!call.instance.runtime.rateLimits.limitsTokens) return { kind: 'completed', status: response.statusCode, contentType, body };
      const usageTokens = readTotalTokens(body);
      return {
        kind: 'completed',
        status: response.statusCode,
        contentType,
        body,
        ...(usageTokens !== undefined ? { usageTokens } : {}),
      };
    } catch (error) {
      return describeTransportError(error, call.signal);
    }
  }

  private async failed(response: Dispatcher.ResponseData, contentType: string, signal: AbortSignal): Promise<UpstreamResult> {
    let body: Uint8Array;
    try {
      body = await readLimitedBody(response.body, ERROR_BODY_LIMIT);
    } catch (error) {
      return describeTransportError(error, signal);
    }
    const answer: CompletedResponse = { kind: 'completed', status: response.statusCode, contentType, body };
    const retryAfterMs = readRetryAfter(response.headers['retry-after']);
    return {
      kind: 'failed',
      reason: 'http_status',
      status: response.statusCode,
      message: describeUpstreamError(response.statusCode, body),
      response: answer,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
