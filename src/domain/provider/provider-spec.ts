export const ProviderProtocolValues = ['openai', 'mock'] as const;
export type ProviderProtocol = (typeof ProviderProtocolValues)[number];

/** Simulated behaviour of an in-process `mock` provider. */
export interface MockBehaviour {
  /** Time before the answer (or its first chunk) is produced. */
  readonly latencyMs: number;
  /** Delay between two streamed chunks. */
  readonly chunkDelayMs: number;
  /** Fixed reply text; when absent the mock answers with a short echo of the last user message. */
  readonly reply?: string;
}

/** One upstream endpoint, immutable. Credentials live here and nowhere else. */
export interface ProviderSpec {
  readonly name: string;
  readonly protocol: ProviderProtocol;
  /** Base URL up to and including the API version, e.g. `http://127.0.0.1:9101/v1`. */
  readonly baseUrl: string;
  readonly apiKey?: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly connectTimeoutMs: number;
  /** Longest wait for the upstream's response headers (time to first byte). */
  readonly requestTimeoutMs: number;
  /**
   * Longest silence between two body chunks of an upstream answer once its headers arrived (for a
   * stream: between two chunks; the wait for the headers is `requestTimeoutMs`).
   */
  readonly idleTimeoutMs: number;
  /** Keep-alive connections kept open to this upstream. */
  readonly maxConnections: number;
  /** Largest successful answer accepted (a whole body, or a stream's bytes); more is a protocol failure. */
  readonly maxResponseBytes: number;
  readonly mock?: MockBehaviour;
  /** A provider whose required environment variable is unset is kept, disabled, for reporting. */
  readonly disabledReason?: string;
}

export function isProviderEnabled(provider: ProviderSpec): boolean {
  return provider.disabledReason === undefined;
}
