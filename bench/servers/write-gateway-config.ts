import {
  GatewayModel,
  type GatewayConfigInputs,
  lines,
  providerFile,
  registryFile,
  UpstreamModel,
  WaveGatewayModel,
  writeConfigFiles,
} from './gateway-config-files';

/**
 * The minimal configuration: one provider, one pool of one instance, one task group of one tier
 * (and the same again for the wave upstream). No breaker, no rate limit, no health check. The pools
 * are named "...-pool": pools and task groups share one namespace of routable names.
 */
export async function writeGatewayConfig(dir: string, inputs: GatewayConfigInputs): Promise<void> {
  const chain = (group: string, provider: string): Record<string, string> => ({
    [`pools/${group}-pool.toml`]: lines('[[instances]]', `provider = "${provider}"`, `model = ${JSON.stringify(UpstreamModel)}`),
    [`task-groups/${group}.toml`]: lines('[[tiers]]', 'name = "primary"', `pools = ["${group}-pool"]`),
  });
  await writeConfigFiles(dir, {
    '_registry.toml': registryFile(inputs),
    'providers/mock.toml': providerFile(inputs.mockBaseUrl),
    'providers/mock-wave.toml': providerFile(inputs.waveBaseUrl),
    ...chain(GatewayModel, 'mock'),
    ...chain(WaveGatewayModel, 'mock-wave'),
  });
}
