/** `usage.total_tokens` of a parsed OpenAI chat completion, when it has one. */
export function readTotalTokens(completion: Readonly<Record<string, unknown>>): number | undefined {
  const total = (completion.usage as { total_tokens?: unknown } | null | undefined)?.total_tokens;
  return typeof total === 'number' && total >= 0 ? total : undefined;
}
