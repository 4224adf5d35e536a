/**
 * What a failed attempt means for the rest of the request:
 * - `transient`: the instance could not serve now (connection, timeout, 429, 5xx, a broken or
 *   malformed answer): try another, then degrade;
 * - `misconfigured`: the upstream refused the instance itself (401, 403, 404): try another;
 * - `context_length`: the prompt does not fit this tier's models: skip the rest of the tier;
 * - `request_invalid`: the request itself is wrong (400, 413, 422): return the answer to the client at once;
 * - `aborted`: the deadline passed or the client went away: stop;
 * - `gateway_error`: the gateway itself failed before sending anything (e.g. the body could not be
 *   serialised): says nothing about the instance, and every other instance would fail the same way: stop.
 */
export const FailureClassValues = ['transient', 'misconfigured', 'context_length', 'request_invalid', 'aborted', 'gateway_error'] as const;
export type FailureClass = (typeof FailureClassValues)[number];
