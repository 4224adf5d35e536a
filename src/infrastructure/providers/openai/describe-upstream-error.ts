const decoder = new TextDecoder();

/** A short, log-safe description of an upstream error answer: its own message when it has one. */
export function describeUpstreamError(status: number, body: Uint8Array): string {
  const text = decoder.decode(body.subarray(0, 4096));
  try {
    const parsed: unknown = JSON.parse(text);
    const message = (parsed as { error?: { message?: unknown } } | null)?.error?.message;
    if (typeof message === 'string' && message !== '') return `upstream answered ${status}: ${message.slice(0, 300)}`;
  } catch {
    // not JSON: fall through to the raw text
  }
  const snippet = text.trim().slice(0, 200);
  return snippet === '' ? `upstream answered ${status}` : `upstream answered ${status}: ${snippet}`;
}
