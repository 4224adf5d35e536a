/**
 * The answer to a request that wants into a tier. `entered` holds a place until `leave` is called
 * (a second call does nothing); the others hold nothing. `retryAfterMs` is what the client is told
 * to wait before trying again (see `retryAfterEstimate`).
 */
export type TierEntry =
  | { readonly kind: 'entered'; readonly leave: () => void }
  /** The tier is full and overflows to the next tier. */
  | { readonly kind: 'overflow' }
  | { readonly kind: 'queue_full'; readonly retryAfterMs: number }
  | { readonly kind: 'queue_timeout'; readonly retryAfterMs: number }
  /** The request's signal aborted while it waited. */
  | { readonly kind: 'aborted' };

/**
 * The entry of a tier without a limit, shared by every such request: nothing is counted, so
 * `leave` has nothing to give back. Already resolved, so the unlimited path allocates nothing.
 */
export const ENTERED_WITHOUT_LIMIT: Promise<TierEntry> = Promise.resolve(Object.freeze({ kind: 'entered', leave: () => {} }));
