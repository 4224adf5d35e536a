import { ChatRoleValues } from '../../../domain/chat/chat-message';

export type CheckResult =
  | { readonly ok: true; readonly model: string; readonly stream: boolean }
  | { readonly ok: false; readonly message: string; readonly param: string };

const ROLES: ReadonlySet<string> = new Set(ChatRoleValues);

export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks that an OpenAI Chat Completions body can be routed, without building anything: the hot
 * path forwards the body as it is, so only the verdict, the model and the stream flag are needed.
 */
export function checkOpenAiRequest(body: unknown): CheckResult {
  if (!isJsonObject(body)) return fail('the request body must be a JSON object', '');
  const { model, messages, stream } = body;
  if (typeof model !== 'string' || model === '') return fail('`model` must be a non-empty string', 'model');
  if (!Array.isArray(messages) || messages.length === 0) return fail('`messages` must be a non-empty array', 'messages');
  if (stream !== undefined && typeof stream !== 'boolean') return fail('`stream` must be a boolean', 'stream');
  for (let i = 0; i < messages.length; i += 1) {
    const problem = checkMessage(messages[i], i);
    if (problem !== undefined) return problem;
  }
  return { ok: true, model, stream: stream === true };
}

function checkMessage(message: unknown, index: number): CheckResult | undefined {
  if (!isJsonObject(message)) return fail(`\`messages[${index}]\` must be an object`, `messages[${index}]`);
  if (typeof message.role !== 'string' || !ROLES.has(message.role)) {
    return fail(`\`messages[${index}].role\` must be one of ${ChatRoleValues.join(', ')}`, `messages[${index}].role`);
  }
  const content = message.content;
  if (content === undefined || content === null || typeof content === 'string') return undefined;
  const param = `messages[${index}].content`;
  if (!Array.isArray(content)) return fail(`\`${param}\` must be a string or an array of parts`, param);
  for (const part of content) if (!isJsonObject(part)) return fail(`\`${param}\` parts must be objects`, param);
  return undefined;
}

function fail(message: string, param: string): CheckResult {
  return { ok: false, message, param };
}
