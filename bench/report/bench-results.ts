import type { BenchSettings } from '../bench-settings';
import type { LatencyMedians, LatencyRound } from '../measure/latency-rounds';
import type { RunSummary } from '../measure/run-summary';
import type { ReloadResults } from '../reload/reload-results';
import type { TargetVerdict } from './evaluate-targets';

/** Everything one bench run measured: printed as a table, saved as JSON. */
export interface BenchResults {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly environment: {
    readonly node: string;
    readonly platform: string;
    readonly cpus: number;
    readonly cpuModel: string;
    readonly loadAverage: readonly number[];
  };
  readonly settings: BenchSettings;
  /**
   * Fixed-rate open loop, non-streaming, in rounds. `direct`, `bareProxy` and `gateway` summarize
   * every round's samples together; `rounds` holds each round's runs, `medians` the medians over rounds.
   */
  readonly latency: {
    readonly direct: RunSummary;
    readonly bareProxy: RunSummary;
    readonly gateway: RunSummary;
    readonly rounds: readonly LatencyRound[];
    readonly medians: LatencyMedians;
  };
  /** Closed loop, non-streaming. */
  readonly throughput: { readonly bareProxy: RunSummary; readonly gateway: RunSummary };
  /** Closed loop, streaming. */
  readonly streaming: { readonly bareProxy: RunSummary; readonly gateway: RunSummary };
  /** Reload time on a 500-instance tree, and latency with and without reloads; null with `BENCH_RELOAD=0`. */
  readonly reload: ReloadResults | null;
  readonly targets: readonly TargetVerdict[];
  /** Lines the gateway wrote to its log during the whole run (about one per request). */
  readonly gatewayLogLines: number;
}
