/**
 * A token bucket refilled continuously: `perMinute` tokens a minute, holding at most `perMinute`.
 * Times are the caller's clock in milliseconds, so tests drive it without timers. The level may go
 * below zero when a charge is corrected upwards after the fact (the bucket then refills from there).
 */
export class TokenBucket {
  private level: number;
  private updatedAt: number;
  private readonly refillPerMs: number;

  public constructor(
    public readonly perMinute: number,
    now: number,
  ) {
    if (!(perMinute > 0)) throw new RangeError('a token bucket needs a positive rate');
    this.level = perMinute;
    this.updatedAt = now;
    this.refillPerMs = perMinute / 60_000;
  }

  public available(now: number): number {
    this.refill(now);
    return this.level;
  }

  /** Takes `amount` tokens if that many are there; false (and nothing taken) otherwise. */
  public tryTake(amount: number, now: number): boolean {
    this.refill(now);
    if (this.level < amount) return false;
    this.level -= amount;
    return true;
  }

  /** Charges more (positive) or gives back (negative) once the real cost is known. */
  public adjust(delta: number, now: number): void {
    this.refill(now);
    this.level = Math.min(this.perMinute, this.level - delta);
  }

  private refill(now: number): void {
    if (now <= this.updatedAt) return;
    this.level = Math.min(this.perMinute, this.level + (now - this.updatedAt) * this.refillPerMs);
    this.updatedAt = now;
  }
}
