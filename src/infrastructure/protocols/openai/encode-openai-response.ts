import type { ChatResponse, FinishReason, Usage } from '../../../domain/chat/chat-response';
import type { ChatStreamEvent } from '../../../domain/chat/chat-stream-event';

/** OpenAI `chat.completion` object for a canonical response. */
export function encodeOpenAiCompletion(response: ChatResponse): Record<string, unknown> {
  const message: Record<string, unknown> = { role: 'assistant', content: response.text, refusal: null };
  if (response.toolCalls.length > 0) {
    message.tool_calls = response.toolCalls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    }));
  }
  return {
    id: response.id,
    object: 'chat.completion',
    created: response.created,
    model: response.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: openAiFinishReason(response.finishReason) }],
    usage: encodeUsage(response.usage),
  };
}

/**
 * Frames canonical stream events as OpenAI `chat.completion.chunk` SSE events. Stateful: one
 * encoder per stream, because every chunk repeats the id, model and creation time.
 */
export class OpenAiStreamEncoder {
  private id = '';
  private model = '';
  private created = 0;

  public constructor(private readonly includeUsage: boolean) {}

  /** Returns the SSE text for one event ('' when the event produces no chunk). */
  public encode(event: ChatStreamEvent): string {
    switch (event.type) {
      case 'start':
        this.id = event.id;
        this.model = event.model;
        this.created = event.created;
        return this.chunk([{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }]);
      case 'text_delta':
        return this.chunk([{ index: 0, delta: { content: event.text }, logprobs: null, finish_reason: null }]);
      case 'tool_call_delta':
        return this.chunk([
          {
            index: 0,
            delta: {
              tool_calls: [
                {
                  index: event.index,
                  ...(event.id !== undefined ? { id: event.id, type: 'function' } : {}),
                  function: { ...(event.name !== undefined ? { name: event.name } : {}), arguments: event.argumentsDelta },
                },
              ],
            },
            logprobs: null,
            finish_reason: null,
          },
        ]);
      case 'finish':
        return this.chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: openAiFinishReason(event.finishReason) }]);
      case 'usage':
        return this.includeUsage ? this.chunk([], encodeUsage(event.usage)) : '';
      default: {
        const unreachable: never = event;
        throw new RangeError(`unknown stream event ${JSON.stringify(unreachable)}`);
      }
    }
  }

  public done(): string {
    return 'data: [DONE]\n\n';
  }

  private chunk(choices: unknown[], usage?: unknown): string {
    const body: Record<string, unknown> = {
      id: this.id,
      object: 'chat.completion.chunk',
      created: this.created,
      model: this.model,
      choices,
    };
    if (usage !== undefined) body.usage = usage;
    return `data: ${JSON.stringify(body)}\n\n`;
  }
}

/** OpenAI error body: `{"error":{"message","type","code","param"}}`. */
export function encodeOpenAiError(message: string, type: string, code: string | null, param: string | null = null) {
  return { error: { message, type, param, code } };
}

function encodeUsage(usage: Usage): Record<string, number> {
  return {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.totalTokens,
  };
}

function openAiFinishReason(reason: FinishReason): string {
  return reason === 'error' ? 'stop' : reason;
}
