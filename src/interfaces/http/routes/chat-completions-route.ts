import type { Request, Response } from 'express';
import type { RouteChat } from '../../../application/route-chat/route-chat';
import { SwitchyardError } from '../../../domain/errors/switchyard-error';
import { decodeOpenAiRequest } from '../../../infrastructure/protocols/openai/decode-openai-request';
import { requestIdFrom } from '../request-id';
import { sendError, writeRoutedResponse } from '../write-routed-response';

/** `POST /v1/chat/completions`, OpenAI-compatible, streaming and not. */
export function chatCompletionsHandler(routeChat: RouteChat) {
  return async (req: Request, res: Response): Promise<void> => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    if (req.body === undefined) {
      sendError(res, new SwitchyardError('invalid_request', 'The request body must be JSON (Content-Type: application/json).'));
      return;
    }
    const decoded = decodeOpenAiRequest(req.body);
    if (!decoded.ok) {
      sendError(res, new SwitchyardError('invalid_request', decoded.message), decoded.param || null);
      return;
    }
    const clientGone = new AbortController();
    const onClose = (): void => {
      if (!res.writableFinished) clientGone.abort(new Error('client closed the connection'));
    };
    res.once('close', onClose);
    try {
      const outcome = await routeChat.execute({
        model: decoded.request.model,
        payload: { protocol: 'openai', body: req.body as Record<string, unknown> },
        stream: decoded.request.stream,
        requestId,
        signal: clientGone.signal,
      });
      await writeRoutedResponse(res, outcome);
    } finally {
      res.off('close', onClose);
    }
  };
}
