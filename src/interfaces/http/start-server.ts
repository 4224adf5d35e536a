import type { Logger } from '../../application/ports/logger';
import { composeGateway, type ComposeOptions } from '../composition/compose-gateway';
import { startHttpServer } from './http-server';

export interface StartServerOptions extends ComposeOptions {
  /** Overrides `[server].host`. */
  readonly host?: string;
  /** Overrides `[server].port`; 0 picks a free port. */
  readonly port?: number;
}

export interface SwitchyardServer {
  readonly url: string;
  readonly port: number;
  readonly logger: Logger;
  close(): Promise<void>;
}

/** Composes the gateway and serves it over HTTP. */
export async function startServer(options: StartServerOptions): Promise<SwitchyardServer> {
  const runtime = await composeGateway(options);
  const settings = runtime.snapshots.current().server;
  const handler = runtime.httpHandler();
  const host = options.host ?? settings.host;
  const port = options.port ?? settings.port;
  let http;
  try {
    http = await startHttpServer(handler, host, port);
  } catch (error) {
    await runtime.close();
    throw error;
  }
  const snapshot = runtime.snapshots.current();
  runtime.logger.info('listening', {
    url: http.url,
    configDir: runtime.configDir,
    configVersion: snapshot.version,
    routes: snapshot.routes.names().length,
  });
  for (const warning of snapshot.warnings) {
    runtime.logger.warn('config warning', { file: warning.file, path: warning.path, problem: warning.message });
  }
  return {
    url: http.url,
    port: http.port,
    logger: runtime.logger,
    close: async () => {
      await http.close();
      await runtime.close();
    },
  };
}
