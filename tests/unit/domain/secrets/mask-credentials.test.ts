import { maskCredentials, previewText } from '../../../../src/domain/secrets/mask-credentials';

describe('maskCredentials', () => {
  it.each([
    ['an echoed bearer header', 'got Authorization: Bearer abc.DEF-123_xyz from you', 'abc.DEF-123_xyz'],
    ['an OpenAI-style key', 'Incorrect API key provided: sk-proj-AbCdEf0123456789', 'AbCdEf0123456789'],
    ['a key- style secret', 'key-0123456789abcdef is invalid', '0123456789abcdef'],
    ['a JSON x-api-key field', '{"headers":{"x-api-key":"anthropic-secret-value"}}', 'anthropic-secret-value'],
    ['a query-string token', 'GET /v1/models?token=s3cr3tvalue&x=1', 's3cr3tvalue'],
    ['a Google key', 'key AIzaSyA1234567890abcdefghijklmnopqrstu rejected', 'AIzaSyA1234567890abcdefghijklmnopqrstu'],
    ['an AWS access key id', 'AKIAIOSFODNN7EXAMPLE is not authorised', 'AKIAIOSFODNN7EXAMPLE'],
    ['a JWT', 'token eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl expired', 'eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl'],
  ])('masks %s', (_name, text, secret) => {
    const masked = maskCredentials(text);
    expect(masked).not.toContain(secret);
    expect(masked).toContain('[redacted]');
  });

  it('masks a known secret word for word, wherever it stands', () => {
    const masked = maskCredentials('upstream said: your key plainword-secret is wrong', ['plainword-secret']);
    expect(masked).toBe('upstream said: your key [redacted] is wrong');
  });

  it('leaves ordinary error text alone', () => {
    const text = 'upstream answered 500: The server had an error while processing your request (model gpt-4o-mini).';
    expect(maskCredentials(text)).toBe(text);
  });

  it('leaves hyphenated names that are not keys readable', () => {
    const text = 'pool api-east-1, instance key-rotation-policy, model gpt-4o-mini-2024-07-18';
    expect(maskCredentials(text)).toBe(text);
  });

  it('ignores known secrets too short to mask safely', () => {
    expect(maskCredentials('none of the above', ['none'])).toBe('none of the above');
  });
});

describe('previewText', () => {
  it('keeps a short prefix and the length, never the whole value', () => {
    expect(previewText('sk-live-0123456789')).toBe('"sk-l…" (18 characters)');
  });

  it('shows a string no longer than the prefix as it is', () => {
    expect(previewText('abc')).toBe('"abc"');
  });
});
