/**
 * The live, mutable side of an instance: in-flight count and latency EWMA.
 * This is the deliberate exception to immutability in the domain; it is kept beside the
 * configuration (keyed by instance identity) so that a reload can carry it over.
 */
export class InstanceRuntime {
  private inFlightCount = 0;
  private ewmaMs: number | undefined;
  private sampleCount = 0;

  public constructor(private readonly ewmaAlpha = 0.3) {}

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
}
