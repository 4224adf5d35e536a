const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The JSON object of a non-streamed OpenAI answer, parsed once; undefined when the body is not one
 * (invalid UTF-8, invalid JSON, or JSON that is not an object).
 */
export function parseCompletionBody(body: Uint8Array): Readonly<Record<string, unknown>> | undefined {
  try {
    const parsed: unknown = JSON.parse(strictUtf8.decode(body));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
