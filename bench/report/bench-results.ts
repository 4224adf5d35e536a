import type { BenchSettings } from '../bench-settings';
import type { ClosedLoopSection } from '../measure/run-closed-loop-section';
import type { LatencySection } from '../measure/run-latency-section';
import type { GatewayKey } from '../measure/target-keys';
import type { RssCheckpoint } from '../processes/rss-checkpoints';
import type { ReloadResults } from '../reload/reload-results';
import type { SoakResults } from '../soak/soak-results';
import type { WaveResults } from '../wave/wave-results';
import type { TargetVerdict } from './target-verdict';

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
  /** Fixed-rate open loop in rounds, non-streamed and streamed, every target (see LatencySection). */
  readonly latency: { readonly nonStreamed: LatencySection; readonly streamed: LatencySection };
  /** Closed loop, non-streaming, every proxy and gateway, in rounds. */
  readonly throughput: ClosedLoopSection;
  /** Closed loop, streaming, every proxy and gateway, in rounds. */
  readonly streaming: ClosedLoopSection;
  /** The streaming wave; null with `BENCH_WAVE=0`. */
  readonly wave: WaveResults | null;
  /** Both gateways under a steady mixed load; null with `BENCH_SOAK_S=0`. */
  readonly soak: SoakResults | null;
  /** Reload time on a 500-instance tree, and latency with and without reloads; null with `BENCH_RELOAD=0`. */
  readonly reload: ReloadResults | null;
  readonly targets: readonly TargetVerdict[];
  /** Lines each gateway wrote to its log during the whole run (about one per request). */
  readonly gatewayLogLines: Readonly<Record<GatewayKey, number>>;
  /** Both gateways' RSS after start-up and after each section before the reload one. */
  readonly gatewayRss: readonly RssCheckpoint[];
}
