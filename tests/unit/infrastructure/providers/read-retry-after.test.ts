import { readRetryAfter } from '../../../../src/infrastructure/providers/http/read-retry-after';

describe('readRetryAfter', () => {
  it('reads seconds', () => {
    expect(readRetryAfter('3')).toBe(3000);
    expect(readRetryAfter('0.5')).toBe(500);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(readRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(readRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(readRetryAfter(undefined)).toBeUndefined();
    expect(readRetryAfter('soon')).toBeUndefined();
    expect(readRetryAfter('-4')).toBeUndefined();
  });
});
