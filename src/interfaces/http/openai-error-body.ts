import type { SwitchyardError } from '../../domain/errors/switchyard-error';
import { encodeOpenAiError } from '../../infrastructure/protocols/openai/encode-openai-response';

/** OpenAI's error `type` for a status. */
export function openAiErrorType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

/** `{"error":{message,type,param,code}}`, plus the attempts made when the gateway gave up. */
export function openAiErrorBody(error: SwitchyardError, status: number, param: string | null = null): Record<string, unknown> {
  const body = encodeOpenAiError(error.message, openAiErrorType(status), error.code, param);
  if (error.details.attempts !== undefined && error.details.attempts.length > 0) {
    return { error: { ...body.error, attempts: error.details.attempts } };
  }
  return body;
}
