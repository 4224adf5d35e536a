import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The name clients put in `model` to reach the bench task group. */
export const GatewayModel = 'bench';
/** The task group of the streaming wave, routed to the wave upstream. */
export const WaveGatewayModel = 'wave';
/** The model name the gateway (and the parsing bare proxy) asks the mock for. */
export const UpstreamModel = 'bench-model';

/** What both bench gateways are given, so that only the routing features differ between them. */
export interface GatewayConfigInputs {
  readonly gatewayPort: number;
  /** `http://127.0.0.1:M/v1`: the mock of every section but the wave. */
  readonly mockBaseUrl: string;
  /** The mock that streams the wave's long replies. */
  readonly waveBaseUrl: string;
  /** Every provider's `max_connections`: the same as the bare proxies' undici Pool `connections`. */
  readonly upstreamConnections: number;
  /** The wave's clients: instance concurrency and server connections are set well above them. */
  readonly waveClients: number;
}

/**
 * `_registry.toml` of a bench gateway. Limits are high enough that no bench load is refused by
 * them: the bench measures the gateway's cost, not its limits.
 */
export function registryFile(inputs: GatewayConfigInputs): string {
  return lines(
    '[server]',
    'host = "127.0.0.1"',
    `port = ${inputs.gatewayPort}`,
    `max_connections = ${Math.max(4096, inputs.waveClients * 2)}`,
    '',
    '[defaults]',
    `max_concurrency = ${Math.max(1024, inputs.waveClients * 2)}`,
    `max_connections = ${inputs.upstreamConnections}`,
  );
}

/** An OpenAI provider at `baseUrl`. Providers with the same URL, key and limits share one connection pool. */
export function providerFile(baseUrl: string): string {
  return lines('protocol = "openai"', `base_url = ${JSON.stringify(baseUrl)}`, 'api_key = "bench"');
}

export function lines(...text: readonly string[]): string {
  return `${text.join('\n')}\n`;
}

/** Writes `files` (path relative to `dir` → text) into `dir`. */
export async function writeConfigFiles(dir: string, files: Readonly<Record<string, string>>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  }
}
