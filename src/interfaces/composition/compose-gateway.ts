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
import type { ReloadAttempt, ReloadTrigger } from '../../application/reload-config/config-status';
import type { ReloadConfig } from '../../application/reload-config/reload-config';
import type { RouteChat } from '../../application/route-chat/route-chat';
import { infrastructureModule, type InfrastructureOptions } from './infrastructure-module';
import { applicationModule } from './application-module';
import { interfacesModule } from './interfaces-module';
import type { ReloadRunner } from './reload-runner';
import { TOKENS } from './tokens';
import { type ConfigTreeWatch, watchConfigTree } from './watch-config-tree';

export interface ComposeOptions extends InfrastructureOptions {
  readonly configDir: string;
  /** Reload whenever a file of the tree changes (bursts debounced into one reload). Off unless asked for. */
  readonly watch?: boolean;
}

/** Everything a running gateway is made of, wired once. Both the HTTP server and the facade use it. */
export interface GatewayRuntime {
  readonly configDir: string;
  readonly snapshots: SnapshotHolder;
  readonly routeChat: RouteChat;
  readonly reloadConfig: ReloadConfig;
  readonly logger: Logger;
  readonly clock: Clock;
  /** Whether a watcher reloads the tree on every change. */
  readonly watching: boolean;
  /** Reloads the tree now; `close()` waits for reloads started this way (use it rather than `reloadConfig.execute`). */
  reload(trigger: ReloadTrigger): Promise<ReloadAttempt>;
  /** The HTTP request listener (built on first use; the in-process facade never needs it). */
  httpHandler(): RequestListener;
  /** Stops watching, waits for a reload in flight, then stops health checks, breakers and connections. Idempotent. */
  close(): Promise<void>;
}

/** The composition root: loads one module per layer and resolves the gateway. */
export async function composeGateway(options: ComposeOptions): Promise<GatewayRuntime> {
  const configDir = path.resolve(options.configDir);
  const container = new Container({ defaultScope: 'Singleton' });
  container.bind(TOKENS.ConfigDir).toConstantValue(configDir);
  await container.load(infrastructureModule(options), applicationModule, interfacesModule);
  const logger = container.get<Logger>(TOKENS.Logger);
  // Watching starts before the first load, so an edit made meanwhile is reloaded, not lost.
  const watch = options.watch === true ? await watchConfigTree(configDir, logger) : undefined;
  try {
    return await resolveRuntime(container, configDir, logger, watch);
  } catch (error) {
    await watch?.close();
    throw error;
  }
}

async function resolveRuntime(
  container: Container,
  configDir: string,
  logger: Logger,
  watch: ConfigTreeWatch | undefined,
): Promise<GatewayRuntime> {
  const snapshots = await container.getAsync<SnapshotHolder>(TOKENS.SnapshotHolder);
  const routeChat = await container.getAsync<RouteChat>(TOKENS.RouteChat);
  const llm = container.get<LlmClient>(TOKENS.LlmClient);
  const runtimes = container.get<InstanceRuntimeRegistry>(TOKENS.InstanceRuntimes);
  const monitor = container.get<HealthMonitor>(TOKENS.HealthMonitor);
  monitor.sync(snapshots.current());
  const reloadConfig = await container.getAsync<ReloadConfig>(TOKENS.ReloadConfig);
  const reloads = await container.getAsync<ReloadRunner>(TOKENS.ReloadRunner);
  watch?.deliverTo(() => reloads.execute('watch'));
  let closing: Promise<void> | undefined;
  return {
    configDir,
    snapshots,
    routeChat,
    reloadConfig,
    logger,
    clock: container.get<Clock>(TOKENS.Clock),
    watching: watch !== undefined,
    reload: (trigger) => reloads.execute(trigger),
    httpHandler: () => container.get<RequestListener>(TOKENS.HttpHandler),
    close: () =>
      (closing ??= (async () => {
        await watch?.close();
        await reloads.close();
        monitor.stop();
        runtimes.disposeAll();
        await llm.close();
      })()),
  };
}
