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

/** High enough that the bench never reaches it: the limiter's bookkeeping is measured, not its refusals. */
const InstanceRpm = 10_000_000;
/** Likewise for the primary tier's gate: every request passes it, none overflows to the backup tier. */
const TierConcurrencyLimit = 100_000;

/**
 * The realistic configuration, for the bench group and again for the wave group: three providers
 * (all pointing at the same mock, so they share one connection pool of `max_connections`), a
 * primary pool of three instances chosen by p2c, a one-instance backup pool, every instance with an
 * `rpm` limit, a circuit breaker per instance and background health checks in both pools, and a
 * task group of two tiers (a gated primary tier, then the backup) with retries.
 */
export async function writeRealisticGatewayConfig(dir: string, inputs: GatewayConfigInputs): Promise<void> {
  const chain = (group: string, baseUrl: string): Record<string, string> => {
    const providers = ['a', 'b', 'c'].map((letter) => `${group}-${letter}`);
    const instance = (name: string, provider: string): string[] => [
      '[[instances]]',
      `name = "${name}"`,
      `provider = "${provider}"`,
      `model = ${JSON.stringify(UpstreamModel)}`,
      `rpm = ${InstanceRpm}`,
    ];
    const guards = [
      '[circuit_breaker]',
      'error_threshold_percentage = 50',
      'volume_threshold = 20',
      'rolling_window_ms = 10000',
      'reset_timeout_ms = 5000',
      '',
      '[health_check]',
      'interval_ms = 10000',
      'timeout_ms = 2000',
      'path = "/models"',
    ];
    return {
      ...Object.fromEntries(providers.map((provider) => [`providers/${provider}.toml`, providerFile(baseUrl)])),
      [`pools/${group}-primary.toml`]: lines(
        'strategy = "p2c"',
        ...guards,
        ...providers.flatMap((provider, index) => instance(`i${index + 1}`, provider)),
      ),
      [`pools/${group}-backup.toml`]: lines(...guards, ...instance('backup', providers[2] ?? `${group}-c`)),
      [`task-groups/${group}.toml`]: lines(
        'max_attempts = 3',
        'timeout_ms = 30000',
        '',
        '[[tiers]]',
        'name = "primary"',
        `pools = ["${group}-primary"]`,
        `concurrency_limit = ${TierConcurrencyLimit}`,
        'overflow = "next_tier"',
        '',
        '[[tiers]]',
        'name = "backup"',
        `pools = ["${group}-backup"]`,
      ),
    };
  };
  await writeConfigFiles(dir, {
    '_registry.toml': registryFile(inputs),
    ...chain(GatewayModel, inputs.mockBaseUrl),
    ...chain(WaveGatewayModel, inputs.waveBaseUrl),
  });
}
