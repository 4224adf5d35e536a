import { redactSecrets } from '../../infrastructure/logging/redact-secrets';
import type { MockUpstreamStats } from './mock-upstream-stats';

/**
 * The stats as `GET /_control` shows them: the last request's headers with credentials masked the
 * way log lines are (credential-named headers whole, credential-shaped text in any other). In-process
 * `stats()` keeps the headers as received, so tests can check what a client really sent.
 */
export function maskRecordedStats(stats: MockUpstreamStats): MockUpstreamStats {
  const request = stats.lastRequest;
  if (request === null) return stats;
  return { ...stats, lastRequest: { ...request, headers: redactSecrets({ ...request.headers }) } };
}
