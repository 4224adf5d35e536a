import { randomUUID } from 'node:crypto';
import type { ProbeResult } from '../../application/ports/health-probe';
import type { LlmClient } from '../../application/ports/llm-client';
import type { PoolInstance } from '../../domain/instance/pool-instance';
import { maskCredentials } from '../../domain/secrets/mask-credentials';
import { providerSecrets } from '../providers/http/provider-secrets';

const PING_BODY: Readonly<Record<string, unknown>> = Object.freeze({
  max_tokens: 1,
  stream: false,
  messages: [{ role: 'user', content: 'ping' }],
});

/**
 * A one-token, non-streaming chat completion through the LLM-client port; a 2xx answer passes. The
 * adapters mask their failure texts already; the reason is masked again here because it reaches
 * /admin/pools whatever adapter produced it.
 */
export async function probeByCompletion(llm: LlmClient, instance: PoolInstance, signal: AbortSignal): Promise<ProbeResult> {
  const result = await llm.call({
    instance,
    payload: { protocol: 'openai', body: PING_BODY },
    stream: false,
    signal,
    requestId: `health-check-${randomUUID()}`,
  });
  switch (result.kind) {
    case 'completed':
      return result.status >= 200 && result.status < 300
        ? { ok: true }
        : { ok: false, status: result.status, message: `upstream answered ${result.status}` };
    case 'streaming':
      // Not asked for; let go of it so its connection is freed.
      await result.chunks[Symbol.asyncIterator]().return?.();
      return { ok: true };
    case 'failed':
      return {
        ok: false,
        ...(result.status !== undefined ? { status: result.status } : {}),
        message: maskCredentials(result.message, providerSecrets(instance.provider)),
      };
    default: {
      const unreachable: never = result;
      throw new RangeError(`unknown upstream result ${JSON.stringify(unreachable)}`);
    }
  }
}
