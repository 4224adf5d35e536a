/** A circuit breaker's state, as strategies and the admin view see it. */
export type BreakerState =
  | { readonly kind: 'closed' }
  | {
      readonly kind: 'open';
      /** Clock time (ms since epoch) the breaker opened and the time of its next trial. */
      readonly openedAt: number;
      readonly trialAt: number;
      /** Consecutive openings without closing in between (drives the backoff). */
      readonly openings: number;
    }
  | {
      readonly kind: 'half_open';
      readonly trialsStarted: number;
      readonly trialsSucceeded: number;
      readonly openings: number;
    };

export const BreakerStateKindValues = ['closed', 'open', 'half_open'] as const;
export type BreakerStateKind = (typeof BreakerStateKindValues)[number];
