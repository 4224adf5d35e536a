/** Canonical chat types: the shape every client protocol translates to and from. */

export const ChatRoleValues = ['system', 'developer', 'user', 'assistant', 'tool'] as const;
export type ChatRole = (typeof ChatRoleValues)[number];

export interface TextPart {
  readonly type: 'text';
  readonly text: string;
}

export interface ImagePart {
  readonly type: 'image';
  /** An http(s) URL or a data: URL. */
  readonly url: string;
  readonly detail?: 'auto' | 'low' | 'high';
}

export type ContentPart = TextPart | ImagePart;

export interface ToolCall {
  readonly id: string;
  readonly name: string;
  /** The arguments as the model produced them: a JSON text, not yet parsed. */
  readonly arguments: string;
}

export interface ChatMessage {
  readonly role: ChatRole;
  readonly content: readonly ContentPart[];
  readonly name?: string;
  /** Calls the assistant asked for (role "assistant" only). */
  readonly toolCalls?: readonly ToolCall[];
  /** The call this message answers (role "tool" only). */
  readonly toolCallId?: string;
}

export function textOf(message: ChatMessage): string {
  let text = '';
  for (const part of message.content) {
    if (part.type === 'text') text += part.text;
  }
  return text;
}
