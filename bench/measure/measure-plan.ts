/** How one target is loaded: a fixed-rate open loop, or a closed loop at fixed concurrency. */
export type LoadShape =
  | { readonly loop: 'open'; readonly ratePerSecond: number; readonly durationS: number }
  | { readonly loop: 'closed'; readonly concurrency: number; readonly durationS: number };

export interface MeasurePlan {
  readonly stream: boolean;
  /** Unmeasured run of the same shape first, on the same connections. */
  readonly warmupS: number;
  readonly shape: LoadShape;
}
