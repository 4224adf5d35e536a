/**
 * How the use case learns that the client went away: from a connection the interface watches
 * itself (HTTP's `close`), which spares every request an AbortController of its own besides the
 * request's deadline signal, or from an AbortSignal the caller brings (the in-process facade).
 */
export interface ClientConnection {
  /** Calls `onGone` at most once, when the client leaves before its answer is complete; returns a function that stops watching. */
  watch(onGone: () => void): () => void;
}

function noop(): void {}

/** A caller's AbortSignal as a ClientConnection. */
export function connectionOfSignal(signal: AbortSignal): ClientConnection {
  return {
    watch(onGone) {
      if (signal.aborted) {
        onGone();
        return noop;
      }
      signal.addEventListener('abort', onGone, { once: true });
      return () => signal.removeEventListener('abort', onGone);
    },
  };
}
