import type { ProviderSpec } from '../../../domain/provider/provider-spec';
import type { RegistryDefaults } from '../schemas/registry-schema';
import type { ValidatedProvider } from '../validated-tree';

export function buildProviderSpec(name: string, provider: ValidatedProvider, defaults: RegistryDefaults): ProviderSpec {
  const spec: ProviderSpec = {
    name,
    protocol: provider.protocol,
    baseUrl: provider.base_url ?? `mock://${name}`,
    headers: Object.freeze({ ...provider.headers }),
    connectTimeoutMs: provider.connect_timeout_ms ?? defaults.connect_timeout_ms,
    requestTimeoutMs: provider.request_timeout_ms ?? defaults.request_timeout_ms,
    idleTimeoutMs: provider.idle_timeout_ms ?? defaults.idle_timeout_ms,
    maxConnections: provider.max_connections ?? defaults.max_connections,
    maxResponseBytes: provider.max_response_bytes ?? defaults.max_response_bytes,
    ...(provider.api_key === undefined ? {} : { apiKey: provider.api_key }),
    ...(provider.disabledReason === undefined ? {} : { disabledReason: provider.disabledReason }),
  };
  if (provider.protocol !== 'mock') return spec;
  const mock = provider.mock;
  return {
    ...spec,
    mock: {
      latencyMs: mock?.latency_ms ?? 0,
      chunkDelayMs: mock?.chunk_delay_ms ?? 0,
      ...(mock?.reply === undefined ? {} : { reply: mock.reply }),
    },
  };
}
