import { maskCredentials } from '../../../domain/secrets/mask-credentials';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * An upstream error body about to be relayed to the client, with credentials masked (an upstream
 * may echo the request's headers). The same bytes when there was nothing to mask.
 */
export function maskErrorBody(body: Uint8Array, secrets: readonly string[]): Uint8Array {
  const text = decoder.decode(body);
  const masked = maskCredentials(text, secrets);
  return masked === text ? body : encoder.encode(masked);
}
