/** A server the load is aimed at, and the `model` name it routes on. */
export interface ChatTarget {
  /** Short label for the report: "direct", "bare proxy", "gateway". */
  readonly label: string;
  /** `http://127.0.0.1:PORT`, no path. */
  readonly origin: string;
  readonly model: string;
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
