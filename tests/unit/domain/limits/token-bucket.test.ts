import { RateLimits } from '../../../../src/domain/limits/rate-limits';
import { TokenBucket } from '../../../../src/domain/limits/token-bucket';

describe('TokenBucket', () => {
  it('starts full, refills continuously and never holds more than a minute of tokens', () => {
    const bucket = new TokenBucket(60, 0);
    expect(bucket.tryTake(60, 0)).toBe(true);
    expect(bucket.tryTake(1, 0)).toBe(false);
    expect(bucket.available(500)).toBeCloseTo(0.5);
    expect(bucket.tryTake(1, 1000)).toBe(true);
    expect(bucket.available(10 * 60_000)).toBe(60);
  });

  it('takes nothing when it cannot pay the whole amount', () => {
    const bucket = new TokenBucket(10, 0);
    expect(bucket.tryTake(11, 0)).toBe(false);
    expect(bucket.available(0)).toBe(10);
  });

  it('corrects a charge both ways, and may go below zero', () => {
    const bucket = new TokenBucket(100, 0);
    bucket.tryTake(50, 0);
    bucket.adjust(-20, 0);
    expect(bucket.available(0)).toBe(70);
    bucket.adjust(120, 0);
    expect(bucket.available(0)).toBe(-50);
    expect(bucket.available(60_000)).toBe(50);
  });
});

describe('RateLimits', () => {
  it('admits a request only when both the request and the token budgets can pay', () => {
    const limits = new RateLimits(2, 1000, 0);
    expect(limits.admits(600, 0)).toBe(true);
    expect(limits.take(600, 0)).toBe(true);
    expect(limits.admits(600, 0)).toBe(false);
    expect(limits.admits(300, 0)).toBe(true);
    expect(limits.take(300, 0)).toBe(true);
    expect(limits.admits(1, 0)).toBe(false);
  });

  it('replaces the token estimate by the reported usage', () => {
    const limits = new RateLimits(undefined, 1000, 0);
    limits.take(900, 0);
    expect(limits.admits(200, 0)).toBe(false);
    limits.correctTokens(900, 100, 0);
    expect(limits.admits(800, 0)).toBe(true);
  });

  it('lets a request larger than the whole budget through when the budget is full, rather than never', () => {
    const limits = new RateLimits(undefined, 100, 0);
    expect(limits.admits(5000, 0)).toBe(true);
    expect(limits.take(5000, 0)).toBe(true);
    expect(limits.admits(1, 0)).toBe(false);
  });

  it('without limits always admits', () => {
    const limits = new RateLimits(undefined, undefined, 0);
    for (let i = 0; i < 1000; i += 1) expect(limits.take(10_000, 0)).toBe(true);
  });
});
