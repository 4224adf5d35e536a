import type { IncomingHttpHeaders } from 'node:http';

export interface RecordedRequest {
  readonly headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  readonly body: unknown;
}

export interface MockUpstreamStats {
  /** Chat completion requests received (valid or not). */
  readonly requests: number;
  /** Non-stream answers sent. */
  readonly completions: number;
  /** Streamed answers started (cut streams included). */
  readonly streams: number;
  /** Streams whose client went away before the end (streams cut by `streamCutAfterChunks` not included). */
  readonly aborted: number;
  /** Injected failures answered with `failureStatus` (not 400s for bad bodies). */
  readonly failures: number;
  readonly hangs: number;
  readonly resets: number;
  /** Chat completion requests in progress now. */
  readonly active: number;
  /** Requests per requested model. */
  readonly byModel: Readonly<Record<string, number>>;
  readonly lastRequest: RecordedRequest | null;
}

/**
 * The mock's live counters: deliberately mutable, touched on every request, read as snapshots.
 * `active` is a gauge, so a reset leaves it alone.
 */
export class MockUpstreamCounters {
  public requests = 0;
  public completions = 0;
  public streams = 0;
  public aborted = 0;
  public failures = 0;
  public hangs = 0;
  public resets = 0;
  public active = 0;
  public lastRequest: RecordedRequest | null = null;
  private byModel = new Map<string, number>();

  public recordRequest(headers: IncomingHttpHeaders, body: unknown): void {
    this.lastRequest = { headers, body };
  }

  public countModel(model: string): void {
    this.byModel.set(model, (this.byModel.get(model) ?? 0) + 1);
  }

  public reset(): void {
    this.requests = 0;
    this.completions = 0;
    this.streams = 0;
    this.aborted = 0;
    this.failures = 0;
    this.hangs = 0;
    this.resets = 0;
    this.lastRequest = null;
    this.byModel = new Map();
  }

  public snapshot(): MockUpstreamStats {
    return {
      requests: this.requests,
      completions: this.completions,
      streams: this.streams,
      aborted: this.aborted,
      failures: this.failures,
      hangs: this.hangs,
      resets: this.resets,
      active: this.active,
      byModel: Object.fromEntries(this.byModel),
      lastRequest: this.lastRequest,
    };
  }
}
