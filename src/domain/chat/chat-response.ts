import type { ToolCall } from './chat-message';

export const FinishReasonValues = ['stop', 'length', 'tool_calls', 'content_filter', 'error'] as const;
export type FinishReason = (typeof FinishReasonValues)[number];

export interface Usage {
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly totalTokens: number;
}

export interface ChatResponse {
  readonly id: string;
  /** The upstream model that answered. */
  readonly model: string;
  readonly created: number;
  readonly text: string;
  readonly toolCalls: readonly ToolCall[];
  readonly finishReason: FinishReason;
  readonly usage: Usage;
}
