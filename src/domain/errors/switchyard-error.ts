/**
 * Every expected failure a caller of Switchyard can see carries one of these codes.
 * The interfaces layer maps each code to an HTTP status in exactly one place.
 */
export const SwitchyardErrorCodeValues = [
  'invalid_request',
  'payload_too_large',
  'route_not_found',
  'forbidden',
  'model_not_found',
  'upstream_rejected',
  'all_attempts_failed',
  'deadline_exceeded',
  'tier_saturated',
  'stream_interrupted',
  'client_closed',
  'config_invalid',
  'gateway_closed',
  'internal_error',
  'request_timeout',
  'request_headers_too_large',
] as const;

export type SwitchyardErrorCode = (typeof SwitchyardErrorCodeValues)[number];

export interface SwitchyardErrorDetails {
  /** Upstream HTTP status, when the failure came from an upstream answer. */
  readonly status?: number;
  /** Every attempt made before giving up, in order. */
  readonly attempts?: readonly AttemptSummary[];
  /** How long the client should wait before retrying (code `tier_saturated`). */
  readonly retryAfterMs?: number;
  /** Every problem found in a configuration tree (code `config_invalid`). */
  readonly issues?: readonly ConfigProblem[];
}

/** A configuration problem: the file, the key path inside it, and what was expected. */
export interface ConfigProblem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

/** One attempt as reported to a client: never contains credentials or upstream URLs. */
export interface AttemptSummary {
  readonly instance: string;
  readonly pool: string;
  readonly tier: string;
  readonly failure: string;
  readonly status?: number;
  readonly message: string;
}

export class SwitchyardError extends Error {
  public override readonly name = 'SwitchyardError';

  public constructor(
    public readonly code: SwitchyardErrorCode,
    message: string,
    public readonly details: SwitchyardErrorDetails = {},
  ) {
    super(message);
  }
}

export function isSwitchyardError(value: unknown): value is SwitchyardError {
  return value instanceof SwitchyardError;
}
