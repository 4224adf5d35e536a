import type { ChatMessage, ContentPart, ToolCall } from '../../../domain/chat/chat-message';
import type { ChatRole } from '../../../domain/chat/chat-message';
import type { ChatRequest, ToolChoice, ToolDefinition } from '../../../domain/chat/chat-request';
import { checkOpenAiRequest, isJsonObject as isObject } from './check-openai-request';

export type DecodeResult =
  | { readonly ok: true; readonly request: ChatRequest }
  | { readonly ok: false; readonly message: string; readonly param: string };

type Json = Record<string, unknown>;

/** Reads an OpenAI Chat Completions body into the canonical request, rejecting what cannot be routed. */
export function decodeOpenAiRequest(body: unknown): DecodeResult {
  const checked = checkOpenAiRequest(body);
  if (!checked.ok) return checked;
  const json = body as Json;
  const request: ChatRequest = {
    model: checked.model,
    messages: (json.messages as Json[]).map(decodeMessage),
    stream: checked.stream,
    ...optionalNumber(json, 'max_completion_tokens', 'maxTokens'),
    ...optionalNumber(json, 'max_tokens', 'maxTokens'),
    ...optionalNumber(json, 'temperature', 'temperature'),
    ...optionalNumber(json, 'top_p', 'topP'),
    ...(typeof json.stop === 'string' ? { stop: [json.stop] } : {}),
    ...(Array.isArray(json.stop) ? { stop: json.stop.filter((s): s is string => typeof s === 'string') } : {}),
    ...decodeTools(json.tools),
    ...decodeToolChoice(json.tool_choice),
  };
  return { ok: true, request };
}

/** A message already checked by checkOpenAiRequest. */
function decodeMessage(raw: Json): ChatMessage {
  const toolCalls = decodeToolCalls(raw.tool_calls);
  return {
    role: raw.role as ChatRole,
    content: decodeContent(raw.content),
    ...(typeof raw.name === 'string' ? { name: raw.name } : {}),
    ...(toolCalls.length > 0 ? { toolCalls } : {}),
    ...(typeof raw.tool_call_id === 'string' ? { toolCallId: raw.tool_call_id } : {}),
  };
}

function decodeContent(raw: unknown): ContentPart[] {
  if (typeof raw === 'string') return [{ type: 'text', text: raw }];
  if (!Array.isArray(raw)) return [];
  const parts: ContentPart[] = [];
  for (const part of raw as Json[]) {
    if (part.type === 'text' && typeof part.text === 'string') parts.push({ type: 'text', text: part.text });
    else if (part.type === 'image_url' && isObject(part.image_url) && typeof part.image_url.url === 'string') {
      const detail = part.image_url.detail;
      parts.push({
        type: 'image',
        url: part.image_url.url,
        ...(detail === 'auto' || detail === 'low' || detail === 'high' ? { detail } : {}),
      });
    }
  }
  return parts;
}

function decodeToolCalls(raw: unknown): ToolCall[] {
  if (!Array.isArray(raw)) return [];
  const calls: ToolCall[] = [];
  for (const call of raw) {
    if (isObject(call) && typeof call.id === 'string' && isObject(call.function)) {
      const fn = call.function;
      if (typeof fn.name === 'string') {
        calls.push({ id: call.id, name: fn.name, arguments: typeof fn.arguments === 'string' ? fn.arguments : '' });
      }
    }
  }
  return calls;
}

function decodeTools(raw: unknown): { tools?: ToolDefinition[] } {
  if (!Array.isArray(raw)) return {};
  const tools: ToolDefinition[] = [];
  for (const tool of raw) {
    if (isObject(tool) && isObject(tool.function) && typeof tool.function.name === 'string') {
      const fn = tool.function;
      tools.push({
        name: fn.name as string,
        ...(typeof fn.description === 'string' ? { description: fn.description } : {}),
        ...(isObject(fn.parameters) ? { parameters: fn.parameters } : {}),
      });
    }
  }
  return { tools };
}

function decodeToolChoice(raw: unknown): { toolChoice?: ToolChoice } {
  if (raw === 'auto' || raw === 'none' || raw === 'required') return { toolChoice: { type: raw } };
  if (isObject(raw) && isObject(raw.function) && typeof raw.function.name === 'string') {
    return { toolChoice: { type: 'tool', name: raw.function.name } };
  }
  return {};
}

function optionalNumber<K extends string>(body: Json, key: string, as: K): Partial<Record<K, number>> {
  const value = body[key];
  return typeof value === 'number' ? ({ [as]: value } as Partial<Record<K, number>>) : {};
}
