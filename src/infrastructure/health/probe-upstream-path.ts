import type { Dispatcher } from 'undici';
import type { ProbeResult } from '../../application/ports/health-probe';
import type { PoolInstance } from '../../domain/instance/pool-instance';
import { describeTransportError } from '../providers/http/describe-transport-error';
import { providerSecrets } from '../providers/http/provider-secrets';
import { readLimitedBody } from '../providers/http/read-limited-body';
import type { UpstreamConnections } from '../providers/http/upstream-connections';
import { describeUpstreamError } from '../providers/openai/describe-upstream-error';

const ERROR_SNIPPET_BYTES = 4096;

/**
 * `GET {base_url}{path}` over the provider's own keep-alive pool, with its headers and key; any
 * 2xx passes. The answer's body is drained so the connection goes back to the pool. A failing
 * answer's reason is masked with the provider's own key and header values (it reaches /admin/pools).
 */
export async function probeUpstreamPath(
  connections: UpstreamConnections,
  instance: PoolInstance,
  path: string,
  signal: AbortSignal,
): Promise<ProbeResult> {
  const provider = instance.provider;
  const { pool, basePath } = connections.endpointFor(provider);
  const headers: Record<string, string> = { accept: 'application/json', ...provider.headers };
  if (provider.apiKey !== undefined && provider.apiKey !== '') headers.authorization = `Bearer ${provider.apiKey}`;
  let response: Dispatcher.ResponseData;
  try {
    response = await pool.request({ method: 'GET', path: `${basePath}${path}`, headers, signal });
  } catch (error) {
    return { ok: false, message: describeTransportError(error, signal, providerSecrets(provider)).message };
  }
  const status = response.statusCode;
  try {
    if (status >= 200 && status < 300) {
      await response.body.dump();
      return { ok: true };
    }
    const snippet = await readLimitedBody(response.body, ERROR_SNIPPET_BYTES);
    return { ok: false, status, message: describeUpstreamError(status, snippet, providerSecrets(provider)) };
  } catch (error) {
    return { ok: false, status, message: describeTransportError(error, signal, providerSecrets(provider)).message };
  }
}

