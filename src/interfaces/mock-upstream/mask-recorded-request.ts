import { maskCredentials } from '../../domain/secrets/mask-credentials';
import type { MockUpstreamStats, RecordedRequest } from './mock-upstream-stats';

/** Headers that carry a credential whatever their value looks like. */
const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'api-key']);
const MASK = '[redacted]';

/**
 * The stats as `GET /_control` shows them: the last request's credential headers masked whole,
 * and any other header value that looks like a credential masked by `maskCredentials`. In-process
 * `stats()` keeps the headers as received, so tests can check what a client really sent.
 */
export function maskRecordedStats(stats: MockUpstreamStats): MockUpstreamStats {
  return stats.lastRequest === null ? stats : { ...stats, lastRequest: maskRecordedRequest(stats.lastRequest) };
}

function maskRecordedRequest(request: RecordedRequest): RecordedRequest {
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, maskHeader(name.toLowerCase(), value)]),
  );
  return { ...request, headers };
}

function maskHeader(name: string, value: string | string[] | undefined): string | string[] | undefined {
  if (value === undefined) return value;
  if (CREDENTIAL_HEADERS.has(name)) return Array.isArray(value) ? value.map(() => MASK) : MASK;
  return Array.isArray(value) ? value.map((item) => maskCredentials(item)) : maskCredentials(value);
}
