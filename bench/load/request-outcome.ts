/** What one benchmark request ended with; `firstChunkMs` is set for streamed replies only. */
export type RequestOutcome =
  | { readonly kind: 'ok'; readonly latencyMs: number; readonly firstChunkMs: number | undefined }
  | { readonly kind: 'failed'; readonly reason: string };

/** Sends one request and reports how it went; never rejects. */
export type SendRequest = () => Promise<RequestOutcome>;

export function failed(reason: string): RequestOutcome {
  return { kind: 'failed', reason };
}

/** A short, groupable reason: undici's and Node's error codes when present, else the message. */
export function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 80 ? `${message.slice(0, 77)}...` : message;
}
