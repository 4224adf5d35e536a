import { request } from 'undici';
import { chatPayload, type ChatTarget } from '../load/chat-target';

/**
 * One non-streamed and one streamed completion per target before any load: a target that cannot
 * answer correctly makes the whole bench meaningless, so this throws with what came back.
 */
export async function checkTargetsAnswer(targets: readonly ChatTarget[]): Promise<void> {
  for (const target of targets) {
    for (const stream of [false, true]) {
      const { statusCode, body } = await request(`${target.origin}${target.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: chatPayload(target.model, stream),
        headersTimeout: 5_000,
        bodyTimeout: 5_000,
      });
      const text = await body.text();
      const expected = stream ? 'data: [DONE]' : '"choices"';
      if (statusCode !== 200 || !text.includes(expected)) {
        const kind = stream ? 'streamed' : 'non-streamed';
        throw new Error(`${target.label} (${target.origin}) gave a bad ${kind} answer: status ${statusCode}, body ${text.slice(0, 400)}`);
      }
    }
  }
}
