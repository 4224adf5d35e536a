import type { ChatMessage, ContentPart, ToolCall } from '../../../domain/chat/chat-message';
import { ChatRoleValues, type ChatRole } from '../../../domain/chat/chat-message';
import type { ChatRequest, ToolChoice, ToolDefinition } from '../../../domain/chat/chat-request';

export type DecodeResult =
  | { readonly ok: true; readonly request: ChatRequest }
  | { readonly ok: false; readonly message: string; readonly param: string };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads an OpenAI Chat Completions body into the canonical request, rejecting what cannot be routed. */
export function decodeOpenAiRequest(body: unknown): DecodeResult {
  if (!isObject(body)) return fail('the request body must be a JSON object', '');
  if (typeof body.model !== 'string' || body.model === '') return fail('`model` must be a non-empty string', 'model');
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return fail('`messages` must be a non-empty array', 'messages');
  }
  if (body.stream !== undefined && typeof body.stream !== 'boolean') return fail('`stream` must be a boolean', 'stream');
  let messages: ChatMessage[];
  try {
    messages = body.messages.map((message, i) => decodeMessage(message, `messages[${i}]`));
  } catch (error) {
    if (error instanceof InvalidField) return fail(error.message, error.param);
    throw error;
  }
  const request: ChatRequest = {
    model: body.model,
    messages,
    stream: body.stream === true,
    ...optionalNumber(body, 'max_completion_tokens', 'maxTokens'),
    ...optionalNumber(body, 'max_tokens', 'maxTokens'),
    ...optionalNumber(body, 'temperature', 'temperature'),
    ...optionalNumber(body, 'top_p', 'topP'),
    ...(typeof body.stop === 'string' ? { stop: [body.stop] } : {}),
    ...(Array.isArray(body.stop) ? { stop: body.stop.filter((s): s is string => typeof s === 'string') } : {}),
    ...decodeTools(body.tools),
    ...decodeToolChoice(body.tool_choice),
  };
  return { ok: true, request };
}

function fail(message: string, param: string): DecodeResult {
  return { ok: false, message, param };
}

class InvalidField extends Error {
  public constructor(
    message: string,
    public readonly param: string,
  ) {
    super(message);
  }
}

function decodeMessage(raw: unknown, path: string): ChatMessage {
  if (!isObject(raw)) throw new InvalidField(`\`${path}\` must be an object`, path);
  if (typeof raw.role !== 'string' || !(ChatRoleValues as readonly string[]).includes(raw.role)) {
    throw new InvalidField(`\`${path}.role\` must be one of ${ChatRoleValues.join(', ')}`, `${path}.role`);
  }
  const content = decodeContent(raw.content, `${path}.content`);
  const toolCalls = decodeToolCalls(raw.tool_calls);
  return {
    role: raw.role as ChatRole,
    content,
    ...(typeof raw.name === 'string' ? { name: raw.name } : {}),
    ...(toolCalls.length > 0 ? { toolCalls } : {}),
    ...(typeof raw.tool_call_id === 'string' ? { toolCallId: raw.tool_call_id } : {}),
  };
}

function decodeContent(raw: unknown, path: string): ContentPart[] {
  if (raw === undefined || raw === null) return [];
  if (typeof raw === 'string') return [{ type: 'text', text: raw }];
  if (!Array.isArray(raw)) throw new InvalidField(`\`${path}\` must be a string or an array of parts`, path);
  const parts: ContentPart[] = [];
  for (const part of raw) {
    if (!isObject(part)) throw new InvalidField(`\`${path}\` parts must be objects`, path);
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
