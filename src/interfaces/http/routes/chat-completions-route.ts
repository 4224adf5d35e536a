import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteChat } from '../../../application/route-chat/route-chat';
import { SwitchyardError } from '../../../domain/errors/switchyard-error';
import { checkOpenAiRequest } from '../../../infrastructure/protocols/openai/check-openai-request';
import { readClientLimits } from '../read-client-limits';
import { type JsonBodyLimits, readJsonBody } from '../read-json-body';
import { requestIdFrom } from '../request-id';
import { ResponseConnection } from '../response-connection';
import { sendError, writeRoutedResponse } from '../write-routed-response';

/**
 * `POST /v1/chat/completions`, OpenAI-compatible, streaming and not. Written against plain node
 * request and response objects, so the server can hand it the hot path without express's router.
 */
export function chatCompletionsHandler(routeChat: RouteChat, bodyLimits: JsonBodyLimits) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    const read = await readJsonBody(req, bodyLimits);
    if (!read.ok) {
      if (read.reason === 'aborted') return;
      sendError(res, new SwitchyardError(read.reason === 'too_large' ? 'payload_too_large' : 'invalid_request', read.message));
      return;
    }
    const limits = readClientLimits(req.headers);
    if (!limits.ok) {
      sendError(res, new SwitchyardError('invalid_request', limits.message));
      return;
    }
    const checked = checkOpenAiRequest(read.body);
    if (!checked.ok) {
      sendError(res, new SwitchyardError('invalid_request', checked.message), checked.param || null);
      return;
    }
    const outcome = await routeChat.execute({
      model: checked.model,
      payload: { protocol: 'openai', body: read.body as Record<string, unknown> },
      stream: checked.stream,
      requestId,
      client: new ResponseConnection(res),
      ...(limits.limits !== undefined ? { limits: limits.limits } : {}),
    });
    await writeRoutedResponse(res, outcome);
  };
}
