/** Time, injected so that deadlines and latency can be tested with fake timers. */
export interface Clock {
  /** Milliseconds on a monotonic scale, for measuring durations. */
  now(): number;
  /** Calls `callback` after `ms`; returns a function that cancels it. */
  schedule(ms: number, callback: () => void): () => void;
}
