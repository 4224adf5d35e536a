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
});
