import type { ServerResponse } from 'node:http';
import type { MockUpstreamKnobs } from './mock-upstream-knobs';
import { sendOpenAiError } from './send-json';

/** Answers with the configured failure status, in the error shape OpenAI uses for that status. */
export function sendInjectedFailure(res: ServerResponse, knobs: MockUpstreamKnobs): void {
  const status = knobs.failureStatus;
  const type = status === 429 ? 'rate_limit_error' : status >= 500 ? 'server_error' : 'invalid_request_error';
  sendOpenAiError(res, {
    status,
    message: `mock-upstream injected failure (status ${status})`,
    type,
    code: status === 429 ? 'rate_limit_exceeded' : 'mock_injected_failure',
    headers: knobs.retryAfterSeconds !== null ? { 'retry-after': String(knobs.retryAfterSeconds) } : {},
  });
}
