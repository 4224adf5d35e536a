import { redactSecrets } from '../../../../src/infrastructure/logging/redact-secrets';

describe('redactSecrets', () => {
  it('masks credential fields at any depth without touching the caller objects', () => {
    const provider = { name: 'openai', apiKey: 'sk-secret', headers: { Authorization: 'Bearer sk-secret', accept: 'json' } };
    const record = { message: 'x', provider, api_key: 'sk-top', list: [{ token: 't' }] };
    const redacted = redactSecrets(record);
    expect(JSON.stringify(redacted)).not.toContain('sk-');
    expect(redacted).toMatchObject({
      api_key: '[redacted]',
      provider: { name: 'openai', apiKey: '[redacted]', headers: { Authorization: '[redacted]', accept: 'json' } },
      list: [{ token: '[redacted]' }],
    });
    expect(provider.apiKey).toBe('sk-secret');
    expect(provider.headers.Authorization).toBe('Bearer sk-secret');
  });

  it('masks credentials inside any string value, such as an upstream error echoing the key it was sent', () => {
    const echoed = 'Incorrect API key provided: sk-proj-abc123DEF456ghi789. You can find your key at ...';
    const attempt = { instance: 'a', reason: `upstream said "Authorization: Bearer abcd1234efgh"` };
    const record = {
      message: `upstream rejected the request: ${echoed}`,
      error: echoed,
      attempts: [attempt],
      nested: { detail: { body: '{"error":{"message":"bad x-goog-api-key=AIzaSyA1234567890abcdefghijklmno"}}' } },
    };
    const line = JSON.stringify(redactSecrets(record));
    expect(line).not.toContain('sk-proj-abc123DEF456ghi789');
    expect(line).not.toContain('abcd1234efgh');
    expect(line).not.toContain('AIzaSyA1234567890abcdefghijklmno');
    expect(line).toContain('Incorrect API key provided');
    expect(attempt.reason).toContain('abcd1234efgh');
  });

  it('leaves ordinary values as they are', () => {
    const record = { level: 'info', message: 'routed', instance: 'b', status: 200, requestId: 'f3b1c2d4', latencyMs: 12.5, stream: false };
    expect(redactSecrets({ ...record })).toEqual(record);
  });
});
