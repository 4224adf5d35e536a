import type { UpstreamFailure } from '../../../src/application/ports/llm-client';
import { classifyUpstreamFailure } from '../../../src/application/route-chat/classify-upstream-failure';

function statusFailure(status: number, message = ''): UpstreamFailure {
  const body = new TextEncoder().encode(JSON.stringify({ error: { message } }));
  return {
    kind: 'failed',
    reason: 'http_status',
    status,
    message: `upstream answered ${status}`,
    response: { kind: 'completed', status, contentType: 'application/json', body },
  };
}

describe('classifyUpstreamFailure', () => {
  it.each([408, 429, 500, 502, 503, 504, 529])('treats %i as transient', (status) => {
    expect(classifyUpstreamFailure(statusFailure(status))).toBe('transient');
  });

  it.each([401, 403, 404])('treats %i as a misconfigured instance', (status) => {
    expect(classifyUpstreamFailure(statusFailure(status))).toBe('misconfigured');
  });

  it.each([400, 413, 422])('treats %i as a request error', (status) => {
    expect(classifyUpstreamFailure(statusFailure(status, 'temperature must be <= 2'))).toBe('request_invalid');
  });

  it.each([
    "This model's maximum context length is 8192 tokens",
    'context_length_exceeded',
    'prompt is too long: 210000 tokens > 200000 maximum',
  ])('recognises a context-length error: %s', (message) => {
    expect(classifyUpstreamFailure(statusFailure(400, message))).toBe('context_length');
  });

  it.each<[UpstreamFailure['reason'], string]>([
    ['connect', 'transient'],
    ['timeout', 'transient'],
    ['protocol', 'transient'],
    ['aborted', 'aborted'],
  ])('maps transport failure %s to %s', (reason, expected) => {
    expect(classifyUpstreamFailure({ kind: 'failed', reason, message: reason })).toBe(expected);
  });
});
