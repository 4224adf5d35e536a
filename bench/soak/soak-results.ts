import type { RoundSummary } from '../measure/latency-rounds';
import type { ServerCpu } from '../measure/run-summary';
import type { GatewayKey } from '../measure/target-keys';

/** One gateway's memory over the soak. */
export interface SoakRss {
  /** Just before the soak's load started. */
  readonly beforeBytes: number | null;
  /** At the end of the warm-up: the reference growth is measured from. */
  readonly startBytes: number | null;
  /** When the load ended. */
  readonly endBytes: number | null;
  readonly maxBytes: number | null;
  /** `endBytes − startBytes`. */
  readonly growthBytes: number | null;
  /** One reading every `timelineEveryS` seconds, MB, from the start of the load. */
  readonly timelineMb: readonly number[];
  readonly timelineEveryS: number;
}

export interface SoakGatewayRun {
  readonly target: string;
  readonly nonStreamed: RoundSummary;
  readonly streamed: RoundSummary;
  readonly rss: SoakRss;
  /** The gateway process's CPU over the whole soak, both loads together. */
  readonly serverCpu: ServerCpu | null;
}

/** Both gateways under the same steady mixed load at once, for `durationS`. */
export interface SoakResults {
  readonly durationS: number;
  /** The first part of the soak, after which the reference RSS is read. */
  readonly warmupS: number;
  /** req/s against each gateway, streamed and non-streamed together. */
  readonly ratePerSecond: number;
  readonly streamPercent: number;
  readonly runs: Readonly<Record<GatewayKey, SoakGatewayRun>>;
}
