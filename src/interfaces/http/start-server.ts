import type { Logger } from '../../application/ports/logger';
import type { ConfigStatus, ReloadAttempt } from '../../application/reload-config/config-status';
import { composeGateway, type ComposeOptions } from '../composition/compose-gateway';
import { adminExposedWithoutToken } from './admin-exposure';
import { startHttpServer } from './http-server';

export interface StartServerOptions extends ComposeOptions {
  /** Overrides `[server].host`. */
  readonly host?: string;
  /** Overrides `[server].port`; 0 picks a free port. */
  readonly port?: number;
  /** Reload whenever a file of the tree changes (bursts debounced into one reload); on by default. */
  readonly watch?: boolean;
}

export interface SwitchyardServer {
  readonly url: string;
  readonly port: number;
  readonly logger: Logger;
  /** Reloads the configuration tree now, as `POST /admin/reload` does; `trigger` is recorded in the attempt. */
  reload(trigger?: 'api' | 'signal'): Promise<ReloadAttempt>;
  /** The configuration in force and the last reloads, as `GET /admin/config` reports them. */
  configStatus(): ConfigStatus;
  /** Stops watching, stops accepting, lets requests in flight finish, then releases everything. */
  close(): Promise<void>;
}

/** Composes the gateway and serves it over HTTP. */
export async function startServer(options: StartServerOptions): Promise<SwitchyardServer> {
  const runtime = await composeGateway({ ...options, watch: options.watch ?? true });
  const settings = runtime.snapshots.current().server;
  const handler = runtime.httpHandler();
  const host = options.host ?? settings.host;
  const port = options.port ?? settings.port;
  let http;
  try {
    http = await startHttpServer(handler, host, port, settings);
  } catch (error) {
    await runtime.close();
    throw error;
  }
  const snapshot = runtime.snapshots.current();
  runtime.logger.info('listening', {
    url: http.url,
    configDir: runtime.configDir,
    configVersion: snapshot.version,
    watching: runtime.watching,
    routes: snapshot.routes.names().length,
  });
  const adminToken = (options.env ?? process.env).SWITCHYARD_ADMIN_TOKEN;
  if (adminExposedWithoutToken(http.host, adminToken)) {
    runtime.logger.warn('serving on a non-loopback address without SWITCHYARD_ADMIN_TOKEN', {
      url: http.url,
      admin: 'admin routes answer loopback clients only; set SWITCHYARD_ADMIN_TOKEN to manage the gateway remotely',
    });
  }
  for (const warning of snapshot.warnings) {
    runtime.logger.warn('config warning', { file: warning.file, path: warning.path, problem: warning.message });
  }
  let closing: Promise<void> | undefined;
  return {
    url: http.url,
    port: http.port,
    logger: runtime.logger,
    reload: (trigger = 'api') => runtime.reload(trigger),
    configStatus: () => runtime.reloadConfig.status(),
    close: () =>
      (closing ??= (async () => {
        await http.close();
        await runtime.close();
      })()),
  };
}
