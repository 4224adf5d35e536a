/** A one-message chat completion body, as a client sends it to the gateway. */
export function chatBody(model: string, stream = false): Record<string, unknown> {
  return { model, stream, messages: [{ role: 'user', content: 'Hello there' }] };
}

/** POSTs `body` (JSON-encoded unless already a string) to the gateway's `/v1/chat/completions`. */
export async function postChat(
  baseUrl: string,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
  signal?: AbortSignal,
): Promise<Response> {
  return fetch(`${baseUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...(signal !== undefined ? { signal } : {}),
  });
}

/** The body the mock-upstream tests send (the mock echoes `hello there` in its reply); `extra` adds or replaces keys. */
export function upstreamChatBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { model: 'gpt-test', messages: [{ role: 'user', content: 'hello there' }], ...extra };
}

/**
 * POSTs `body` to an OpenAI-style upstream's `/chat/completions`; `upstreamUrl` already ends in
 * `/v1`. Sends the test key unless `init.headers` replaces the headers.
 */
export function postUpstreamChat(upstreamUrl: string, body: unknown, init: RequestInit = {}): Promise<Response> {
  return fetch(`${upstreamUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer test-key' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
}

/** The input of `RouteChat.execute` for a one-message OpenAI chat to `model`. */
export function chatInput(
  model: string,
  stream = false,
  signal?: AbortSignal,
  extra: { body?: Record<string, unknown>; limits?: { timeoutMs?: number; maxAttempts?: number } } = {},
) {
  return {
    model,
    payload: { protocol: 'openai' as const, body: { model, messages: [{ role: 'user', content: 'hi' }], stream, ...extra.body } },
    stream,
    requestId: 'req-1',
    ...(signal !== undefined ? { signal } : {}),
    ...(extra.limits !== undefined ? { limits: extra.limits } : {}),
  };
}
