import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The name clients put in `model` to reach the bench task group. */
export const GatewayModel = 'bench';
/** The model name the gateway asks the mock for. */
export const UpstreamModel = 'bench-model';

/**
 * Writes a one-provider, one-pool, one-group configuration tree into `dir`. The pool is named
 * "bench-pool", not "bench": pools and task groups share one namespace of routable names.
 */
export async function writeGatewayConfig(dir: string, gatewayPort: number, mockBaseUrl: string): Promise<void> {
  const files: Record<string, string> = {
    '_registry.toml': [
      '[server]',
      'host = "127.0.0.1"',
      `port = ${gatewayPort}`,
      '',
      '[defaults]',
      'max_concurrency = 1024',
      'max_connections = 128',
    ].join('\n'),
    'providers/mock.toml': [
      'protocol = "openai"',
      `base_url = ${JSON.stringify(mockBaseUrl)}`,
      'api_key = "bench"',
    ].join('\n'),
    'pools/bench-pool.toml': ['[[instances]]', 'provider = "mock"', `model = ${JSON.stringify(UpstreamModel)}`].join('\n'),
    [`task-groups/${GatewayModel}.toml`]: ['[[tiers]]', 'name = "primary"', 'pools = ["bench-pool"]'].join('\n'),
  };
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, `${text}\n`);
  }
}
