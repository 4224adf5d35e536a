import type { SwitchyardError, SwitchyardErrorCode } from '../../domain/errors/switchyard-error';

const STATUS_BY_CODE: Readonly<Record<SwitchyardErrorCode, number>> = {
  invalid_request: 400,
  payload_too_large: 413,
  route_not_found: 404,
  forbidden: 403,
  model_not_found: 404,
  upstream_rejected: 400,
  all_attempts_failed: 503,
  deadline_exceeded: 504,
  tier_saturated: 429,
  stream_interrupted: 502,
  client_closed: 499,
  config_invalid: 500,
  gateway_closed: 503,
  internal_error: 500,
  request_timeout: 408,
  request_headers_too_large: 431,
};

/** The one place where an expected failure becomes an HTTP status. */
export function httpStatusForError(error: SwitchyardError): number {
  if (error.code === 'upstream_rejected' && error.details.status !== undefined) return error.details.status;
  return STATUS_BY_CODE[error.code];
}
