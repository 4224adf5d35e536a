import path from 'node:path';
import type { BenchSettings } from '../bench-settings';
import type { ChatTarget } from '../load/chat-target';
import type { ChildProcessGroup } from '../processes/child-process-group';
import { pickFreePorts } from '../processes/pick-free-ports';
import { waitUntilReady } from '../processes/wait-until-ready';
import { GatewayModel, UpstreamModel, writeGatewayConfig } from './write-gateway-config';

export interface BenchServers {
  readonly direct: ChatTarget;
  readonly bareProxy: ChatTarget;
  readonly gateway: ChatTarget;
  readonly gatewayLogFile: string;
}

export interface ServerPaths {
  /** The built CLI: dist/interfaces/cli/main.js. */
  readonly cliMain: string;
  /** The built bare proxy: dist-bench/bench/bare-proxy.js. */
  readonly bareProxyMain: string;
  /** Temp dir for the gateway config and every log. */
  readonly workDir: string;
}

/** Starts the mock upstream, the bare proxy and the gateway on free ports, and waits until all three answer. */
export async function startBenchServers(
  children: ChildProcessGroup,
  paths: ServerPaths,
  settings: BenchSettings,
): Promise<BenchServers> {
  const [mockPort, proxyPort, gatewayPort] = await pickFreePorts(3);
  if (mockPort === undefined || proxyPort === undefined || gatewayPort === undefined) throw new Error('no free ports');
  const mockOrigin = `http://127.0.0.1:${mockPort}`;
  const proxyOrigin = `http://127.0.0.1:${proxyPort}`;
  const gatewayOrigin = `http://127.0.0.1:${gatewayPort}`;
  const configDir = path.join(paths.workDir, 'config');
  await writeGatewayConfig(configDir, gatewayPort, `${mockOrigin}/v1`);

  const log = (name: string): string => path.join(paths.workDir, `${name}.log`);
  const mock = children.start(
    'mock-upstream',
    [
      paths.cliMain,
      'mock-upstream',
      ...['--port', String(mockPort), '--latency-ms', '0'],
      ...['--chunks', String(settings.streamChunks), '--chunk-delay-ms', String(settings.streamChunkDelayMs)],
    ],
    log('mock-upstream'),
  );
  const proxy = children.start(
    'bare-proxy',
    [paths.bareProxyMain, '--port', String(proxyPort), '--upstream', mockOrigin],
    log('bare-proxy'),
  );
  const gateway = children.start(
    'gateway',
    [paths.cliMain, 'serve', '--config', configDir, '--port', String(gatewayPort)],
    log('gateway'),
  );

  const timeoutMs = settings.readyTimeoutS * 1000;
  await Promise.all([
    waitUntilReady(mock, `${mockOrigin}/v1/models`, timeoutMs),
    waitUntilReady(proxy, `${proxyOrigin}/v1/models`, timeoutMs),
    waitUntilReady(gateway, `${gatewayOrigin}/readyz`, timeoutMs),
  ]);
  return {
    direct: { label: 'direct', origin: mockOrigin, model: UpstreamModel },
    bareProxy: { label: 'bare proxy', origin: proxyOrigin, model: UpstreamModel },
    gateway: { label: 'gateway', origin: gatewayOrigin, model: GatewayModel },
    gatewayLogFile: gateway.logFile,
  };
}
