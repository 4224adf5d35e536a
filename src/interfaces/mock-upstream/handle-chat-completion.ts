import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { decodeOpenAiRequest } from '../../infrastructure/protocols/openai/decode-openai-request';
import { encodeOpenAiCompletion } from '../../infrastructure/protocols/openai/encode-openai-response';
import { simulateReply } from '../../infrastructure/providers/mock/simulate-reply';
import type { MockUpstreamState } from './mock-upstream-state';
import { pickFault } from './pick-fault';
import { readRequestBody, RequestBodyTooLarge } from './read-request-body';
import { RequestLifetime } from './request-lifetime';
import { sendInjectedFailure } from './send-injected-failure';
import { sendJson, sendOpenAiError } from './send-json';
import { writeCompletionStream } from './write-completion-stream';

/** `POST /v1/chat/completions`: validate, roll for a fault, then answer (plain or streamed). */
export async function handleChatCompletion(
  req: IncomingMessage,
  res: ServerResponse,
  state: MockUpstreamState,
): Promise<void> {
  const { counters } = state;
  counters.requests += 1;
  counters.active += 1;
  const lifetime = new RequestLifetime(res, () => {
    counters.active -= 1;
  });

  let text: string;
  try {
    text = await readRequestBody(req);
  } catch (error) {
    if (error instanceof RequestBodyTooLarge && !lifetime.isClosed) {
      sendInvalidRequest(res, 413, error.message, 'body_too_large', null, { connection: 'close' });
    }
    return;
  }
  if (lifetime.isClosed) return;

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    counters.recordRequest(req.headers, text);
    sendInvalidRequest(res, 400, 'the request body is not valid JSON', 'invalid_json');
    return;
  }
  counters.recordRequest(req.headers, body);
  const decoded = decodeOpenAiRequest(body);
  if (!decoded.ok) {
    sendInvalidRequest(res, 400, decoded.message, 'invalid_request', decoded.param || null);
    return;
  }
  const { request } = decoded;
  counters.countModel(request.model);
  state.seenModels.add(request.model);

  // One knobs snapshot per request, so a change mid-request never mixes two settings.
  const knobs = state.knobs;
  const fault = pickFault(knobs, state.random);
  switch (fault) {
    case 'reset':
      counters.resets += 1;
      req.socket.destroy();
      return;
    case 'hang':
      counters.hangs += 1;
      return;
    case 'failure':
      counters.failures += 1;
      sendInjectedFailure(res, knobs);
      return;
    case 'none':
      break;
    default: {
      const unreachable: never = fault;
      throw new RangeError(`unknown fault ${String(unreachable)}`);
    }
  }

  const response = simulateReply(request, {
    model: knobs.model ?? request.model,
    chunks: knobs.chunks,
    ...(knobs.reply !== null ? { reply: knobs.reply } : {}),
  });
  if (request.stream) {
    counters.streams += 1;
    writeCompletionStream(res, lifetime, response, knobs, wantsStreamUsage(body), () => {
      counters.aborted += 1;
    });
    return;
  }
  lifetime.after(knobs.latencyMs, () => {
    counters.completions += 1;
    sendJson(res, 200, encodeOpenAiCompletion(response));
  });
}

function sendInvalidRequest(
  res: ServerResponse,
  status: number,
  message: string,
  code: string,
  param: string | null = null,
  headers: OutgoingHttpHeaders = {},
): void {
  sendOpenAiError(res, { status, message, type: 'invalid_request_error', code, param, headers });
}

function wantsStreamUsage(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || !('stream_options' in body)) return false;
  const options = body.stream_options;
  return (
    typeof options === 'object' && options !== null && 'include_usage' in options && options.include_usage === true
  );
}
