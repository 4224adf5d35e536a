import path from 'node:path';
import type { BenchSettings } from '../bench-settings';
import { ChatCompletionsPath, type ChatTarget } from '../load/chat-target';
import { TargetLabels, type GatewayKey, type TargetKey, type WaveKey } from '../measure/target-keys';
import type { BenchChild, ChildProcessGroup } from '../processes/child-process-group';
import { pickFreePorts } from '../processes/pick-free-ports';
import { waitUntilReady } from '../processes/wait-until-ready';
import { GatewayModel, UpstreamModel, WaveGatewayModel, type GatewayConfigInputs } from './gateway-config-files';
import { writeGatewayConfig } from './write-gateway-config';
import { writeRealisticGatewayConfig } from './write-realistic-gateway-config';

export interface BenchServers {
  /** What the latency, throughput, streaming and soak sections load, each with its process id. */
  readonly targets: Readonly<Record<TargetKey, ChatTarget>>;
  /** The same servers' routes to the wave upstream (direct: the wave mock itself). */
  readonly waveTargets: Readonly<Record<WaveKey, ChatTarget>>;
  readonly gatewayLogFiles: Readonly<Record<GatewayKey, string>>;
}

export interface ServerPaths {
  /** The built CLI: dist/interfaces/cli/main.js. */
  readonly cliMain: string;
  /** The built bare proxy: dist-bench/bench/bare-proxy.js. */
  readonly bareProxyMain: string;
  /** Temp dir for the gateway configs and every log. */
  readonly workDir: string;
}

/**
 * The mock splits its reply into at most `--chunks` pieces of equal length; the echo of the bench's
 * short prompt would give fewer than 30. Four characters per chunk gives exactly `chunks` pieces.
 */
function waveReply(chunks: number): string {
  return 'tok '.repeat(chunks).trimEnd() + '.';
}

/** The gateways run at the default log level: one request log line per request, to stdout, to a file. */
const GatewayEnv = { SWITCHYARD_LOG_LEVEL: 'info' };

/**
 * Starts the two mock upstreams (the bench's and the wave's), the two bare proxies (pass-through
 * and parsing) and the two gateways (minimal and realistic configuration) on free ports, each a
 * separate process, and waits until all six answer.
 */
export async function startBenchServers(
  children: ChildProcessGroup,
  paths: ServerPaths,
  settings: BenchSettings,
): Promise<BenchServers> {
  const ports = await pickFreePorts(6);
  const [mockPort, wavePort, passPort, parsePort, gatewayPort, realisticPort] = ports;
  if (
    mockPort === undefined ||
    wavePort === undefined ||
    passPort === undefined ||
    parsePort === undefined ||
    gatewayPort === undefined ||
    realisticPort === undefined
  ) {
    throw new Error('no free ports');
  }
  const origin = (port: number): string => `http://127.0.0.1:${port}`;
  const log = (name: string): string => path.join(paths.workDir, `${name}.log`);
  const configInputs = (port: number): GatewayConfigInputs => ({
    gatewayPort: port,
    mockBaseUrl: `${origin(mockPort)}/v1`,
    waveBaseUrl: `${origin(wavePort)}/v1`,
    upstreamConnections: settings.upstreamConnections,
    waveClients: settings.waveClients,
  });
  const gatewayDir = path.join(paths.workDir, 'config');
  const realisticDir = path.join(paths.workDir, 'config-realistic');
  await writeGatewayConfig(gatewayDir, configInputs(gatewayPort));
  await writeRealisticGatewayConfig(realisticDir, configInputs(realisticPort));

  const mock = (name: string, port: number, chunks: number, delayMs: number, reply?: string): BenchChild =>
    children.start(
      name,
      [
        paths.cliMain,
        'mock-upstream',
        ...['--port', String(port), '--latency-ms', '0'],
        ...['--chunks', String(chunks), '--chunk-delay-ms', String(delayMs)],
        ...(reply === undefined ? [] : ['--reply', reply]),
      ],
      log(name),
    );
  const bareProxy = (name: string, port: number, parse: boolean): BenchChild =>
    children.start(
      name,
      [
        paths.bareProxyMain,
        ...['--port', String(port), '--upstream', origin(mockPort), '--wave-upstream', origin(wavePort)],
        ...['--model', UpstreamModel, '--connections', String(settings.upstreamConnections)],
        ...(parse ? ['--parse'] : []),
      ],
      log(name),
    );
  const gateway = (name: string, port: number, configDir: string): BenchChild =>
    children.start(name, [paths.cliMain, 'serve', '--config', configDir, '--port', String(port)], log(name), GatewayEnv);

  const started = {
    direct: mock('mock-upstream', mockPort, settings.streamChunks, settings.streamChunkDelayMs),
    wave: mock('mock-upstream-wave', wavePort, settings.waveChunks, settings.waveChunkDelayMs, waveReply(settings.waveChunks)),
    passThroughProxy: bareProxy('bare-proxy-pass-through', passPort, false),
    parsingProxy: bareProxy('bare-proxy-parsing', parsePort, true),
    gateway: gateway('gateway-minimal', gatewayPort, gatewayDir),
    realisticGateway: gateway('gateway-realistic', realisticPort, realisticDir),
  };
  const timeoutMs = settings.readyTimeoutS * 1000;
  await Promise.all([
    waitUntilReady(started.direct, `${origin(mockPort)}/v1/models`, timeoutMs),
    waitUntilReady(started.wave, `${origin(wavePort)}/v1/models`, timeoutMs),
    waitUntilReady(started.passThroughProxy, `${origin(passPort)}/v1/models`, timeoutMs),
    waitUntilReady(started.parsingProxy, `${origin(parsePort)}/v1/models`, timeoutMs),
    waitUntilReady(started.gateway, `${origin(gatewayPort)}/readyz`, timeoutMs),
    waitUntilReady(started.realisticGateway, `${origin(realisticPort)}/readyz`, timeoutMs),
  ]);

  const target = (key: TargetKey, port: number, model: string, pathPrefix = '', child: BenchChild = started[key]): ChatTarget => ({
    label: TargetLabels[key],
    origin: origin(port),
    path: `${pathPrefix}${ChatCompletionsPath}`,
    model,
    ...(child.process.pid === undefined ? {} : { pid: child.process.pid }),
  });
  return {
    targets: {
      direct: target('direct', mockPort, UpstreamModel),
      passThroughProxy: target('passThroughProxy', passPort, UpstreamModel),
      parsingProxy: target('parsingProxy', parsePort, GatewayModel),
      gateway: target('gateway', gatewayPort, GatewayModel),
      realisticGateway: target('realisticGateway', realisticPort, GatewayModel),
    },
    waveTargets: {
      direct: target('direct', wavePort, UpstreamModel, '', started.wave),
      parsingProxy: target('parsingProxy', parsePort, WaveGatewayModel, '/wave'),
      gateway: target('gateway', gatewayPort, WaveGatewayModel),
      realisticGateway: target('realisticGateway', realisticPort, WaveGatewayModel),
    },
    gatewayLogFiles: { gateway: started.gateway.logFile, realisticGateway: started.realisticGateway.logFile },
  };
}
