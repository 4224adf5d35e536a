/** A server the load is aimed at, the path it answers chat completions on, and the `model` name it routes on. */
export interface ChatTarget {
  /** Short label for the report: "direct", "parsing proxy", "gateway (minimal)". */
  readonly label: string;
  /** `http://127.0.0.1:PORT`, no path. */
  readonly origin: string;
  /** Usually `ChatCompletionsPath`; the bare proxies' wave route is `/wave` + it. */
  readonly path: string;
  readonly model: string;
  /** The process that serves it (the mock for direct), whose CPU and memory the bench samples. */
  readonly pid?: number;
}

export const ChatCompletionsPath = '/v1/chat/completions';

/** The request body every benchmark request sends, prepared once per run. */
export function chatPayload(model: string, stream: boolean): Buffer {
  const body = {
    model,
    messages: [{ role: 'user', content: 'Say something short: this is a latency benchmark.' }],
    ...(stream ? { stream: true } : {}),
  };
  return Buffer.from(JSON.stringify(body));
}
