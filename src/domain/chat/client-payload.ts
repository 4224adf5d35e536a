/**
 * A request as the client sent it, in its own protocol. Providers that speak the same protocol
 * forward the body as it is (only `model` rewritten); others translate through the canonical types.
 */
export const ClientProtocolValues = ['openai'] as const;
export type ClientProtocol = (typeof ClientProtocolValues)[number];

export interface ClientPayload {
  readonly protocol: ClientProtocol;
  /** The parsed JSON body, never mutated. */
  readonly body: Readonly<Record<string, unknown>>;
}
