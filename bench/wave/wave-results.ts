import type { LatencySummary } from '../load/percentiles';
import type { ServerCpu } from '../measure/run-summary';
import type { WaveKey } from '../measure/target-keys';

/** One target's wave: many streaming clients arriving over a short time, each on its own connection. */
export interface WaveRun {
  readonly target: string;
  readonly clients: number;
  /** Streams that ended with `[DONE]`. */
  readonly completed: number;
  /** Every stream that did not complete: a bad status, a socket error, a timeout, a cut or unterminated stream. */
  readonly errors: number;
  readonly errorReasons: Readonly<Record<string, number>>;
  /** From the first client sent to the last stream settled, seconds. */
  readonly elapsedS: number;
  /** Time from sending to the first `data:` bytes, completed streams only. */
  readonly firstChunk: LatencySummary | null;
  readonly wholeStream: LatencySummary | null;
  /** How late each client left compared to its arrival time: the bench's own precision. */
  readonly arrivalLag: LatencySummary | null;
  /** Most streams open at once (sent and not yet settled). */
  readonly peakOpen: number;
  readonly rss: WaveRss;
  readonly serverCpu: ServerCpu | null;
  /** CPU the bench process itself used during the wave, in cores (1 = one core busy): is the bench the bottleneck? */
  readonly benchCores: number;
  /** CPU the wave mock used during a proxy's or gateway's wave, in cores; null for direct (it is the target). */
  readonly upstreamCores: number | null;
}

export interface WaveRss {
  /** Just before the first client left. */
  readonly beforeBytes: number | null;
  /** The largest reading during the wave (sampled every `sampleIntervalMs`, and at every 50 open streams). */
  readonly maxBytes: number | null;
  /** A reading taken the moment the open stream count reached `open` (the highest multiple of 50, or all clients). */
  readonly atPeakOpen: { readonly open: number; readonly rssBytes: number } | null;
  readonly sampleIntervalMs: number;
  readonly samples: number;
}

export interface WaveResults {
  readonly clients: number;
  readonly arrivalMs: number;
  readonly chunks: number;
  readonly chunkDelayMs: number;
  /** Every round's waves, in order; round 1 meets cold upstream connections through every proxy. */
  readonly rounds: readonly Readonly<Record<WaveKey, WaveRun>>[];
}
