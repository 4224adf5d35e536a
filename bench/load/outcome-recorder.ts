import type { RequestOutcome } from './request-outcome';

/**
 * Collects the outcomes of one load run: latencies of the successful requests and a tally of
 * failure reasons. Mutable by design; one recorder belongs to one run.
 */
export class OutcomeRecorder {
  public readonly latenciesMs: number[] = [];
  /** When each successful request was sent, ms since the run started (same order as latenciesMs). */
  public readonly sentAtMs: number[] = [];
  public readonly firstChunksMs: number[] = [];
  public readonly failures = new Map<string, number>();
  private failedCount = 0;

  public record(outcome: RequestOutcome, sentAtMs: number): void {
    switch (outcome.kind) {
      case 'ok':
        this.latenciesMs.push(outcome.latencyMs);
        this.sentAtMs.push(sentAtMs);
        if (outcome.firstChunkMs !== undefined) this.firstChunksMs.push(outcome.firstChunkMs);
        return;
      case 'failed':
        this.recordFailure(outcome.reason);
        return;
    }
  }

  public recordFailure(reason: string, count = 1): void {
    if (count <= 0) return;
    this.failedCount += count;
    this.failures.set(reason, (this.failures.get(reason) ?? 0) + count);
  }

  public get okCount(): number {
    return this.latenciesMs.length;
  }

  public get errorCount(): number {
    return this.failedCount;
  }
}
