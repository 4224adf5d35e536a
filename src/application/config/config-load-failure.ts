import { errorMessage } from '../../domain/errors/error-message';
import { maskCredentials } from '../../domain/secrets/mask-credentials';
import type { ConfigLoadResult } from './gateway-snapshot';

/** A load that threw instead of reporting: one problem of the whole tree, its reason masked. */
export function configLoadFailure(error: unknown): ConfigLoadResult {
  const message = `the configuration could not be loaded: ${maskCredentials(errorMessage(error))}`;
  return { ok: false, issues: [{ file: '', path: '', message }] };
}
