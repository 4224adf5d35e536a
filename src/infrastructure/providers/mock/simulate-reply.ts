import { randomUUID } from 'node:crypto';
import { textOf } from '../../../domain/chat/chat-message';
import type { ChatRequest } from '../../../domain/chat/chat-request';
import type { ChatResponse } from '../../../domain/chat/chat-response';
import type { ChatStreamEvent } from '../../../domain/chat/chat-stream-event';

export interface SimulationOptions {
  /** The model name the simulated upstream reports. */
  readonly model: string;
  /** Fixed reply; otherwise a short echo of the last user message. */
  readonly reply?: string;
  /** Number of streamed text pieces the reply is cut into (at least 1). */
  readonly chunks?: number;
}

/** Rough token count (about four characters a token), enough for usage figures of a simulation. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** A deterministic simulated answer, used by the in-process mock provider and by `mock-upstream`. */
export function simulateReply(request: ChatRequest, options: SimulationOptions): ChatResponse {
  const lastUser = [...request.messages].reverse().find((message) => message.role === 'user');
  const prompt = request.messages.map(textOf).join('\n');
  let text = options.reply ?? `Mock reply to: ${lastUser ? textOf(lastUser).slice(0, 200) : '(no user message)'}`;
  let finishReason: ChatResponse['finishReason'] = 'stop';
  if (request.maxTokens !== undefined && estimateTokens(text) > request.maxTokens) {
    text = text.slice(0, Math.max(1, request.maxTokens * 4));
    finishReason = 'length';
  }
  const promptTokens = estimateTokens(prompt);
  const completionTokens = estimateTokens(text);
  return {
    id: `chatcmpl-${randomUUID()}`,
    model: options.model,
    created: Math.floor(Date.now() / 1000),
    text,
    toolCalls: [],
    finishReason,
    usage: { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens },
  };
}

/** The same answer as a sequence of stream events, its text cut into `chunks` pieces. */
export function simulateStream(response: ChatResponse, chunks = 8): ChatStreamEvent[] {
  const events: ChatStreamEvent[] = [{ type: 'start', id: response.id, model: response.model, created: response.created }];
  const pieces = Math.max(1, Math.min(chunks, response.text.length || 1));
  const size = Math.ceil(response.text.length / pieces) || 1;
  for (let offset = 0; offset < response.text.length; offset += size) {
    events.push({ type: 'text_delta', text: response.text.slice(offset, offset + size) });
  }
  events.push({ type: 'finish', finishReason: response.finishReason });
  events.push({ type: 'usage', usage: response.usage });
  return events;
}
