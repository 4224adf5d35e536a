import { maskCredentials } from '../../../domain/secrets/mask-credentials';

const decoder = new TextDecoder();

/**
 * A short, log-safe description of an upstream error answer: its own message when it has one.
 * Credentials in it are masked (`secrets` word for word, then anything credential-like) before it
 * is shortened, so a cut never leaves part of a key behind.
 */
export function describeUpstreamError(status: number, body: Uint8Array, secrets: readonly string[] = []): string {
  const text = decoder.decode(body.subarray(0, 4096));
  try {
    const parsed: unknown = JSON.parse(text);
    const message = (parsed as { error?: { message?: unknown } } | null)?.error?.message;
    if (typeof message === 'string' && message !== '') {
      return `upstream answered ${status}: ${maskCredentials(message, secrets).slice(0, 300)}`;
    }
  } catch {
    // not JSON: fall through to the raw text
  }
  const snippet = maskCredentials(text.trim(), secrets).slice(0, 200);
  return snippet === '' ? `upstream answered ${status}` : `upstream answered ${status}: ${snippet}`;
}
