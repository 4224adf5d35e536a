import 'reflect-metadata';
import type { RequestListener } from 'node:http';
import path from 'node:path';
import { Container } from 'inversify';
import type { InstanceRuntimeRegistry } from '../../application/config/instance-runtime-registry';
import type { SnapshotHolder } from '../../application/config/snapshot-holder';
import type { HealthMonitor } from '../../application/health/health-monitor';
import type { LlmClient } from '../../application/ports/llm-client';
import type { Clock } from '../../application/ports/clock';
import type { Logger } from '../../application/ports/logger';
import type { ReloadConfig } from '../../application/reload-config/reload-config';
import type { RouteChat } from '../../application/route-chat/route-chat';
import { infrastructureModule, type InfrastructureOptions } from './infrastructure-module';
import { applicationModule } from './application-module';
import { interfacesModule } from './interfaces-module';
import { TOKENS } from './tokens';

export interface ComposeOptions extends InfrastructureOptions {
  readonly configDir: string;
}

/** Everything a running gateway is made of, wired once. Both the HTTP server and the facade use it. */
export interface GatewayRuntime {
  readonly configDir: string;
  readonly snapshots: SnapshotHolder;
  readonly routeChat: RouteChat;
  readonly reloadConfig: ReloadConfig;
  readonly logger: Logger;
  readonly clock: Clock;
  /** The HTTP request listener (built on first use; the in-process facade never needs it). */
  httpHandler(): RequestListener;
  close(): Promise<void>;
}

/** The composition root: loads one module per layer and resolves the gateway. */
export async function composeGateway(options: ComposeOptions): Promise<GatewayRuntime> {
  const configDir = path.resolve(options.configDir);
  const container = new Container({ defaultScope: 'Singleton' });
  container.bind(TOKENS.ConfigDir).toConstantValue(configDir);
  await container.load(infrastructureModule(options), applicationModule, interfacesModule);
  const snapshots = await container.getAsync<SnapshotHolder>(TOKENS.SnapshotHolder);
  const routeChat = await container.getAsync<RouteChat>(TOKENS.RouteChat);
  const llm = container.get<LlmClient>(TOKENS.LlmClient);
  const logger = container.get<Logger>(TOKENS.Logger);
  const runtimes = container.get<InstanceRuntimeRegistry>(TOKENS.InstanceRuntimes);
  const monitor = container.get<HealthMonitor>(TOKENS.HealthMonitor);
  monitor.sync(snapshots.current());
  const reloadConfig = await container.getAsync<ReloadConfig>(TOKENS.ReloadConfig);
  return {
    configDir,
    snapshots,
    routeChat,
    reloadConfig,
    logger,
    clock: container.get<Clock>(TOKENS.Clock),
    httpHandler: () => container.get<RequestListener>(TOKENS.HttpHandler),
    close: async () => {
      monitor.stop();
      runtimes.disposeAll();
      await llm.close();
    },
  };
}
