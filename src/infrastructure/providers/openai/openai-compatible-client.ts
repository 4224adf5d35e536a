import type { Dispatcher } from 'undici';
import type { CompletedResponse, UpstreamCall, UpstreamFailure, UpstreamResult } from '../../../application/ports/llm-client';
import { errorMessage } from '../../../domain/errors/error-message';
import type { ProviderSpec } from '../../../domain/provider/provider-spec';
import { describeTransportError } from '../http/describe-transport-error';
import { providerSecrets } from '../http/provider-secrets';
import { readBodyWithin } from '../http/read-body-within';
import { ReadableChunks } from '../http/readable-chunks';
import { readLimitedBody } from '../http/read-limited-body';
import { readRetryAfter } from '../http/read-retry-after';
import type { UpstreamConnections } from '../http/upstream-connections';
import { CheckedSseStream } from './checked-sse-stream';
import { describeUpstreamError } from './describe-upstream-error';
import { maskErrorBody } from './mask-error-body';
import { parseCompletionBody } from './parse-completion-body';
import { readTotalTokens } from './read-total-tokens';

const ERROR_BODY_LIMIT = 64 * 1024;

interface PreparedRequest {
  readonly endpoint: ReturnType<UpstreamConnections['endpointFor']>;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * Calls an OpenAI-compatible upstream. The client's OpenAI body is passed through with only
 * `model` replaced. A streamed answer is handed on chunk by chunk as undici delivers it, checked
 * for framing and size on the way (see CheckedSseStream); a whole answer must be a JSON object
 * within the provider's `maxResponseBytes`.
 */
export class OpenAiCompatibleClient {
  public constructor(private readonly connections: UpstreamConnections) {}

  public async call(call: UpstreamCall): Promise<UpstreamResult> {
    const provider = call.instance.provider;
    const prepared = this.prepare(call);
    if (prepared.kind === 'failed') return prepared;
    const { endpoint, headers, body } = prepared.request;
    let response: Dispatcher.ResponseData;
    try {
      response = await endpoint.pool.request({
        method: 'POST',
        path: `${endpoint.basePath}/chat/completions`,
        headers,
        body,
        signal: call.signal,
        headersTimeout: provider.requestTimeoutMs,
        bodyTimeout: provider.idleTimeoutMs,
      });
    } catch (error) {
      return describeTransportError(error, call.signal, providerSecrets(provider));
    }
    const contentType = headerValue(response.headers['content-type']) ?? 'application/json';
    if (response.statusCode < 200 || response.statusCode >= 300) {
      return this.failed(response, contentType, call.signal, provider);
    }
    if (call.stream) {
      const chunks = new CheckedSseStream(new ReadableChunks(response.body), provider.maxResponseBytes);
      return { kind: 'streaming', status: response.statusCode, contentType, chunks };
    }
    return this.completed(response, contentType, call);
  }

  /**
   * Everything done before a byte is sent. A failure here is the gateway's own (e.g. a body too
   * deeply nested to serialise), never the instance's: it is kept apart from transport errors.
   */
  private prepare(call: UpstreamCall): { kind: 'ready'; request: PreparedRequest } | UpstreamFailure {
    try {
      const provider = call.instance.provider;
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        accept: call.stream ? 'text/event-stream' : 'application/json',
        'x-request-id': call.requestId,
        ...provider.headers,
      };
      if (provider.apiKey !== undefined && provider.apiKey !== '') headers.authorization = `Bearer ${provider.apiKey}`;
      const body = JSON.stringify({ ...call.payload.body, model: call.instance.model });
      return { kind: 'ready', request: { endpoint: this.connections.endpointFor(provider), headers, body } };
    } catch (error) {
      return { kind: 'failed', reason: 'gateway', message: `the gateway could not prepare the upstream request: ${errorMessage(error)}` };
    }
  }

  private async completed(response: Dispatcher.ResponseData, contentType: string, call: UpstreamCall): Promise<UpstreamResult> {
    const { provider } = call.instance;
    const status = response.statusCode;
    const limit = provider.maxResponseBytes;
    const declared = Number(headerValue(response.headers['content-length']));
    if (declared > limit) {
      response.body.destroy();
      return tooLarge(status, limit, `its content-length is ${declared}`);
    }
    let body: Uint8Array | undefined;
    try {
      body = await readBodyWithin(response.body, limit);
    } catch (error) {
      return describeTransportError(error, call.signal, providerSecrets(provider));
    }
    if (body === undefined) return tooLarge(status, limit, 'more bytes arrived; reading stopped');
    const completion = parseCompletionBody(body);
    if (completion === undefined) {
      return { kind: 'failed', reason: 'protocol', status, message: `upstream answered ${status} with a body that is not a JSON object (${body.byteLength} bytes)` };
    }
    if (!call.instance.runtime.rateLimits.limitsTokens) return { kind: 'completed', status, contentType, body };
    const usageTokens = readTotalTokens(completion);
    return { kind: 'completed', status, contentType, body, ...(usageTokens !== undefined ? { usageTokens } : {}) };
  }

  private async failed(response: Dispatcher.ResponseData, contentType: string, signal: AbortSignal, provider: ProviderSpec): Promise<UpstreamResult> {
    const secrets = providerSecrets(provider);
    let body: Uint8Array;
    try {
      body = maskErrorBody(await readLimitedBody(response.body, ERROR_BODY_LIMIT), secrets);
    } catch (error) {
      return describeTransportError(error, signal, secrets);
    }
    const answer: CompletedResponse = { kind: 'completed', status: response.statusCode, contentType, body };
    const retryAfterMs = readRetryAfter(response.headers['retry-after']);
    return {
      kind: 'failed',
      reason: 'http_status',
      status: response.statusCode,
      message: describeUpstreamError(response.statusCode, body, secrets),
      response: answer,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }
}

function tooLarge(status: number, limit: number, detail: string): UpstreamFailure {
  return { kind: 'failed', reason: 'protocol', status, message: `upstream answered ${status} with a body over max_response_bytes (${limit} bytes): ${detail}` };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
