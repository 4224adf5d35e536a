import type { FinishReason, Usage } from './chat-response';

/** One step of a streamed answer, before any protocol framing. */
export type ChatStreamEvent =
  | { readonly type: 'start'; readonly id: string; readonly model: string; readonly created: number }
  | { readonly type: 'text_delta'; readonly text: string }
  | {
      readonly type: 'tool_call_delta';
      readonly index: number;
      readonly id?: string;
      readonly name?: string;
      readonly argumentsDelta: string;
    }
  | { readonly type: 'finish'; readonly finishReason: FinishReason }
  | { readonly type: 'usage'; readonly usage: Usage };
