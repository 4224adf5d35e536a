import { readRssBytes } from './process-usage';

/** One reading of a process's resident set size. */
export interface RssSample {
  /** Ms since the sampler started. */
  readonly atMs: number;
  readonly rssBytes: number;
}

/** Never more samples than this, however long a sampler is left running. */
const MaxSamples = 100_000;

/**
 * Reads a process's VmRSS every `intervalMs` until stopped (or until `MaxSamples`): the peak
 * between two readings of a loaded process is missed by at most one interval's growth.
 */
export class RssSampler {
  public readonly samples: RssSample[] = [];
  private readonly startedAt = Date.now();
  private readonly timer: NodeJS.Timeout;

  public constructor(
    private readonly pid: number,
    intervalMs: number,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  /** Reads once now (also between the timer's readings); returns the reading. */
  public sample(): number | null {
    const rssBytes = readRssBytes(this.pid);
    if (rssBytes !== null && this.samples.length < MaxSamples) this.samples.push({ atMs: Date.now() - this.startedAt, rssBytes });
    if (this.samples.length >= MaxSamples) clearInterval(this.timer);
    return rssBytes;
  }

  /** Takes a last reading and stops; returns the largest reading. */
  public stop(): number | null {
    this.sample();
    clearInterval(this.timer);
    return this.max();
  }

  public max(): number | null {
    let max: number | null = null;
    for (const { rssBytes } of this.samples) if (max === null || rssBytes > max) max = rssBytes;
    return max;
  }
}
