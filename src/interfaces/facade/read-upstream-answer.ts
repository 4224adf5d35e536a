import type { CompletedResponse, StreamingResponse } from '../../application/ports/llm-client';
import { SwitchyardError } from '../../domain/errors/switchyard-error';
import { readSseData } from '../../infrastructure/protocols/sse/read-sse-data';
import type { ChatCompletion, ChatCompletionChunk, RoutingReport } from './gateway';

const decoder = new TextDecoder();

export function readCompletion(response: CompletedResponse, switchyard: RoutingReport): ChatCompletion {
  const completion = parseJson(decoder.decode(response.body), 'the upstream answer');
  return { ...completion, switchyard } as ChatCompletion;
}

/** Parses an OpenAI SSE stream into chunk objects; an error event mid-stream becomes a thrown SwitchyardError. */
export async function* readStreamChunks(response: StreamingResponse): AsyncGenerator<ChatCompletionChunk> {
  const events = readSseData(response.chunks);
  try {
    for await (const data of events) {
      if (data === '[DONE]') return;
      const parsed = parseJson(data, 'a stream chunk') as { error?: { message?: unknown } };
      if (parsed.error !== undefined) {
        throw new SwitchyardError('stream_interrupted', String(parsed.error.message ?? 'the upstream stream failed'));
      }
      yield parsed as unknown as ChatCompletionChunk;
    }
  } catch (error) {
    if (error instanceof SwitchyardError) throw error;
    throw new SwitchyardError('stream_interrupted', `The upstream stream failed midway: ${(error as Error).message}`);
  } finally {
    await events.return(undefined);
    await response.chunks[Symbol.asyncIterator]().return?.();
  }
}

function parseJson(text: string, what: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new SwitchyardError('stream_interrupted', `The upstream sent ${what} that is not JSON.`);
  }
}
