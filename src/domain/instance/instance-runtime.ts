import type { FailureClass } from '../attempt/failure-class';
import { ALWAYS_CLOSED, type InstanceBreaker } from '../breaker/instance-breaker';
import { NO_RATE_LIMITS, RateLimits } from '../limits/rate-limits';
import { HEALTHY, type InstanceHealth } from './instance-health';

/**
 * The live, mutable side of an instance: in-flight count, latency EWMA, breaker, health, cooldown
 * and failure counts. This is the deliberate exception to immutability in the domain; it is kept
 * beside the configuration (keyed by instance identity) so that a reload can carry it over.
 */
export class InstanceRuntime {
  private inFlightCount = 0;
  private ewmaMs: number | undefined;
  private sampleCount = 0;
  private currentBreaker: InstanceBreaker;
  private currentHealth: InstanceHealth = HEALTHY;
  private cooldownEndsAt = 0;
  private readonly failureCounts = new Map<FailureClass, number>();
  private limits: RateLimits = NO_RATE_LIMITS;

  public constructor(
    private readonly ewmaAlpha = 0.3,
    breaker: InstanceBreaker = ALWAYS_CLOSED,
  ) {
    this.currentBreaker = breaker;
  }

  public get inFlight(): number {
    return this.inFlightCount;
  }

  /** Undefined until the first latency sample arrives. */
  public get latencyEwmaMs(): number | undefined {
    return this.ewmaMs;
  }

  public get samples(): number {
    return this.sampleCount;
  }

  public get breaker(): InstanceBreaker {
    return this.currentBreaker;
  }

  public get health(): InstanceHealth {
    return this.currentHealth;
  }

  /** Clock time before which the instance is not picked (from an upstream `Retry-After`). */
  public get cooldownUntil(): number {
    return this.cooldownEndsAt;
  }

  public get rateLimits(): RateLimits {
    return this.limits;
  }

  public failures(): ReadonlyMap<FailureClass, number> {
    return this.failureCounts;
  }

  public acquire(): void {
    this.inFlightCount += 1;
  }

  /** Call exactly once per `acquire`, from a `finally`. */
  public release(): void {
    if (this.inFlightCount > 0) this.inFlightCount -= 1;
  }

  public recordLatency(ms: number): void {
    this.sampleCount += 1;
    this.ewmaMs = this.ewmaMs === undefined ? ms : this.ewmaMs + this.ewmaAlpha * (ms - this.ewmaMs);
  }

  public recordFailure(failureClass: FailureClass): void {
    this.failureCounts.set(failureClass, (this.failureCounts.get(failureClass) ?? 0) + 1);
  }

  /** Keeps the instance out of rotation until `until` (never shortens a longer cooldown). */
  public coolDownUntil(until: number): void {
    if (until > this.cooldownEndsAt) this.cooldownEndsAt = until;
  }

  public setHealth(health: InstanceHealth): void {
    this.currentHealth = health;
  }

  /** Sets the rpm/tpm budgets; unchanged numbers keep the current buckets (and what they hold). */
  public configureRateLimits(rpm: number | undefined, tpm: number | undefined): void {
    if (this.limits.sameAs(rpm, tpm)) return;
    this.limits = rpm === undefined && tpm === undefined ? NO_RATE_LIMITS : new RateLimits(rpm, tpm, 0);
  }

  /** Installs a breaker (a reload with new breaker settings); the previous one is disposed. */
  public useBreaker(breaker: InstanceBreaker): void {
    if (breaker === this.currentBreaker) return;
    this.currentBreaker.dispose();
    this.currentBreaker = breaker;
  }
}
