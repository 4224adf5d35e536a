import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { handleChatCompletion } from './handle-chat-completion';
import { patchKnobs, resetStats, showControl } from './handle-control';
import { listModels } from './list-models';
import type { MockUpstreamState } from './mock-upstream-state';
import { sendJson, sendOpenAiError } from './send-json';
import { errorMessage } from '../../domain/errors/error-message';

/** The mock's request listener: one endpoint per (method, path), 404 in OpenAI format otherwise. */
export function routeMockRequest(state: MockUpstreamState): RequestListener {
  return (req, res) => {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const route = `${req.method ?? 'GET'} ${query === -1 ? url : url.slice(0, query)}`;
    switch (route) {
      case 'POST /v1/chat/completions':
        handleChatCompletion(req, res, state).catch((error: unknown) => failInternally(res, error));
        return;
      case 'GET /v1/models':
        sendJson(res, 200, listModels(modelsToList(state)));
        return;
      case 'GET /_control':
        showControl(res, state);
        return;
      case 'POST /_control':
        patchKnobs(req, res, state).catch((error: unknown) => failInternally(res, error));
        return;
      case 'POST /_control/reset-stats':
        resetStats(res, state);
        return;
      default:
        sendNotFound(req, res, route);
    }
  };
}

/** Every model a client asked for, "mock-model", and the model the knobs report, if set. */
function modelsToList(state: MockUpstreamState): Iterable<string> {
  const reported = state.knobs.model;
  return reported === null || state.seenModels.has(reported) ? state.seenModels : [...state.seenModels, reported];
}

function sendNotFound(req: IncomingMessage, res: ServerResponse, route: string): void {
  req.resume();
  const message = `mock-upstream has no route ${route}`;
  sendOpenAiError(res, { status: 404, message, type: 'invalid_request_error', code: 'not_found' });
}

function failInternally(res: ServerResponse, error: unknown): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  const message = errorMessage(error);
  sendOpenAiError(res, {
    status: 500,
    message: `mock-upstream failed: ${message}`,
    type: 'server_error',
    code: 'internal_error',
  });
}
