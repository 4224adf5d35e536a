import type { ProviderSpec } from '../../../domain/provider/provider-spec';

/** What must never leave the process verbatim for this provider: its key and its header values. */
export function providerSecrets(provider: ProviderSpec): readonly string[] {
  const secrets = Object.values(provider.headers);
  if (provider.apiKey !== undefined && provider.apiKey !== '') secrets.push(provider.apiKey);
  return secrets;
}
