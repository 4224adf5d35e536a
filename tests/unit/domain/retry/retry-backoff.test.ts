import { fullJitterDelayMs } from '../../../../src/domain/retry/retry-backoff';

describe('fullJitterDelayMs', () => {
  const backoff = { baseMs: 100, maxMs: 1000 };

  it('draws uniformly below a ceiling that doubles each round', () => {
    expect(fullJitterDelayMs(backoff, 1, () => 0.999)).toBe(99);
    expect(fullJitterDelayMs(backoff, 2, () => 0.999)).toBe(199);
    expect(fullJitterDelayMs(backoff, 3, () => 0.5)).toBe(200);
    expect(fullJitterDelayMs(backoff, 1, () => 0)).toBe(0);
  });

  it('never goes past the cap', () => {
    expect(fullJitterDelayMs(backoff, 10, () => 0.999)).toBe(999);
    expect(fullJitterDelayMs(backoff, 60, () => 0.999)).toBe(999);
  });
});
