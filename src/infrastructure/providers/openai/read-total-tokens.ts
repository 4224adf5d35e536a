const decoder = new TextDecoder();

/** `usage.total_tokens` of an OpenAI chat completion body, when it has one. */
export function readTotalTokens(body: Uint8Array): number | undefined {
  try {
    const parsed = JSON.parse(decoder.decode(body)) as { usage?: { total_tokens?: unknown } } | null;
    const total = parsed?.usage?.total_tokens;
    return typeof total === 'number' && total >= 0 ? total : undefined;
  } catch {
    return undefined;
  }
}
