import type { UpstreamFailure } from '../ports/llm-client';
import type { FailureClass } from '../../domain/attempt/failure-class';

const CONTEXT_LENGTH_PATTERN =
  /context_length_exceeded|maximum context length|context window|prompt is too long|too many tokens/i;
const textDecoder = new TextDecoder();

/** The single place that decides what a failed attempt means (see FailureClass). */
export function classifyUpstreamFailure(failure: UpstreamFailure): FailureClass {
  switch (failure.reason) {
    case 'aborted':
      return 'aborted';
    case 'connect':
    case 'timeout':
    case 'protocol':
    case 'not_admitted':
      return 'transient';
    case 'gateway':
      return 'gateway_error';
    case 'http_status':
      return classifyStatus(failure);
    default: {
      const unreachable: never = failure.reason;
      throw new RangeError(`unknown failure reason ${String(unreachable)}`);
    }
  }
}

function classifyStatus(failure: UpstreamFailure): FailureClass {
  const status = failure.status ?? 0;
  if (status === 408 || status === 429 || status >= 500) return 'transient';
  if (status === 401 || status === 403 || status === 404) return 'misconfigured';
  if (status >= 400 && status < 500) {
    return mentionsContextLength(failure) ? 'context_length' : 'request_invalid';
  }
  return 'transient';
}

function mentionsContextLength(failure: UpstreamFailure): boolean {
  const body = failure.response?.body;
  if (body === undefined || body.byteLength === 0) return CONTEXT_LENGTH_PATTERN.test(failure.message);
  return CONTEXT_LENGTH_PATTERN.test(textDecoder.decode(body.subarray(0, 4096)));
}
