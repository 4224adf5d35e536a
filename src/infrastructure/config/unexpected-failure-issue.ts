import type { ConfigIssue } from '../../application/config/gateway-snapshot';
import { errorMessage } from '../../domain/errors/error-message';
import { maskCredentials } from '../../domain/secrets/mask-credentials';

/**
 * The issue for a stage that threw on one file (a parser or schema bug, an exhausted resource):
 * the file is rejected like any other broken file, with the reason, instead of failing the load.
 */
export function unexpectedFailureIssue(file: string, stage: string, error: unknown): ConfigIssue {
  return { file, path: '', message: `could not be ${stage}: ${maskCredentials(errorMessage(error))}` };
}
