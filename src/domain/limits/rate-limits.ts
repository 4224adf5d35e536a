import { TokenBucket } from './token-bucket';

/**
 * An instance's requests-per-minute and tokens-per-minute budgets. A request is admitted only if
 * both can pay (one request, and the estimated tokens); the token charge is corrected when the
 * upstream reports its real usage.
 */
export class RateLimits {
  private readonly requests: TokenBucket | undefined;
  private readonly tokens: TokenBucket | undefined;

  public constructor(
    public readonly rpm: number | undefined,
    public readonly tpm: number | undefined,
    now: number,
  ) {
    this.requests = rpm === undefined ? undefined : new TokenBucket(rpm, now);
    this.tokens = tpm === undefined ? undefined : new TokenBucket(tpm, now);
  }

  public get limitsTokens(): boolean {
    return this.tokens !== undefined;
  }

  public admits(estimatedTokens: number, now: number): boolean {
    if (this.requests !== undefined && this.requests.available(now) < 1) return false;
    if (this.tokens !== undefined && this.tokens.available(now) < Math.min(estimatedTokens, this.tokens.perMinute)) return false;
    return true;
  }

  /** Pays for one request; false when either budget ran out since `admits` (nothing is taken then). */
  public take(estimatedTokens: number, now: number): boolean {
    const tokens = Math.min(estimatedTokens, this.tokens?.perMinute ?? estimatedTokens);
    if (this.tokens !== undefined && this.tokens.available(now) < tokens) return false;
    if (this.requests !== undefined && !this.requests.tryTake(1, now)) return false;
    this.tokens?.tryTake(tokens, now);
    return true;
  }

  /** Replaces the estimate by the reported usage. */
  public correctTokens(estimatedTokens: number, actualTokens: number, now: number): void {
    this.tokens?.adjust(actualTokens - estimatedTokens, now);
  }

  public sameAs(rpm: number | undefined, tpm: number | undefined): boolean {
    return this.rpm === rpm && this.tpm === tpm;
  }
}

export const NO_RATE_LIMITS = new RateLimits(undefined, undefined, 0);
