import { describeUpstreamError } from '../../../../src/infrastructure/providers/openai/describe-upstream-error';
import { describeTransportError } from '../../../../src/infrastructure/providers/http/describe-transport-error';

const encoder = new TextEncoder();

describe('upstream error descriptions never carry credentials', () => {
  const secrets = ['my-own-secret-key-123', 'header-value-456789'];

  it('masks the known secrets and credential-looking text of an error message, before shortening it', () => {
    const message = `${'x'.repeat(260)} authorization: Bearer my-own-secret-key-123 x-custom: header-value-456789`;
    const text = describeUpstreamError(500, encoder.encode(JSON.stringify({ error: { message } })), secrets);
    expect(text).not.toMatch(/my-own|secret-key|header-value-456789/);
    expect(text.startsWith('upstream answered 500: ')).toBe(true);
  });

  it('masks a raw, non-JSON body', () => {
    const text = describeUpstreamError(502, encoder.encode('proxy error; x-api-key=header-value-456789'), secrets);
    expect(text).toBe('upstream answered 502: proxy error; x-api-key=[redacted]');
  });

  it('masks transport error texts', () => {
    const error = Object.assign(new Error('connect failed for my-own-secret-key-123'), { code: 'ECONNREFUSED' });
    expect(describeTransportError(error, new AbortController().signal, secrets).message).toBe('ECONNREFUSED: connect failed for [redacted]');
  });
});
