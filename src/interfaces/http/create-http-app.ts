import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { SnapshotHolder } from '../../application/config/snapshot-holder';
import type { Logger } from '../../application/ports/logger';
import type { ReloadConfig } from '../../application/reload-config/reload-config';
import type { RouteChat } from '../../application/route-chat/route-chat';
import { SwitchyardError } from '../../domain/errors/switchyard-error';
import type { Clock } from '../../application/ports/clock';
import { adminAccess } from './admin-access';
import { adminConfigHandler, adminReloadHandler } from './routes/admin-config-routes';
import { adminPoolsHandler } from './routes/admin-routes';
import { chatCompletionsHandler } from './routes/chat-completions-route';
import { livenessHandler, readinessHandler } from './routes/health-routes';
import { modelsHandler } from './routes/models-route';
import { sendError } from './write-routed-response';

export interface HttpAppDeps {
  readonly routeChat: RouteChat;
  readonly snapshots: SnapshotHolder;
  /** Reloads on request and reports the configuration in force. */
  readonly reloads: Pick<ReloadConfig, 'execute' | 'status'>;
  readonly logger: Logger;
  readonly clock: Clock;
  /** SWITCHYARD_ADMIN_TOKEN: lets non-loopback clients reach the admin routes (see admin-access.ts). */
  readonly adminToken: string | undefined;
}

const CHAT_PATH = '/v1/chat/completions';

type ChatHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** The REST interface: OpenAI-compatible routing plus discovery and health endpoints. */
function createHttpApp(deps: HttpAppDeps, chat: ChatHandler): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.get('/healthz', livenessHandler);
  app.get('/readyz', readinessHandler(deps.snapshots));
  app.get('/v1/models', modelsHandler(deps.snapshots));
  app.post(CHAT_PATH, chat);
  const admin = adminAccess(deps.adminToken, () => deps.snapshots.current().server);
  app.get('/admin/pools', admin, adminPoolsHandler(deps.snapshots, deps.routeChat, deps.clock));
  app.get('/admin/config', admin, adminConfigHandler(deps.reloads));
  app.post('/admin/reload', admin, adminReloadHandler(deps.reloads));

  app.use((req: Request, res: Response) => {
    sendError(res, new SwitchyardError('route_not_found', `Unknown route ${req.method} ${req.path}.`));
  });
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    deps.logger.error('unhandled error', { path: req.path, error: error instanceof Error ? error.stack : String(error) });
    sendError(res, new SwitchyardError('internal_error', 'Internal gateway error.'));
  });
  return app;
}

/**
 * The server's request listener. `POST /v1/chat/completions`, the one route on the hot path, goes
 * straight to its handler; express's router costs about 10 KB of garbage and a tenth of the CPU
 * per request there (see the benchmark notes). Every other route goes through the express app.
 */
export function createHttpHandler(deps: HttpAppDeps): RequestListener {
  const server = deps.snapshots.current().server;
  const bodyLimits = { maxBytes: server.bodyLimitBytes, maxDepth: server.maxJsonDepth };
  const chat = guarded(chatCompletionsHandler(deps.routeChat, bodyLimits), deps.logger);
  const app = createHttpApp(deps, chat);
  return (req, res) => {
    if (req.method === 'POST' && isChatPath(req.url)) {
      void chat(req, res);
      return;
    }
    app(req, res);
  };
}

function isChatPath(url: string | undefined): boolean {
  return url === CHAT_PATH || (url !== undefined && url.startsWith(CHAT_PATH) && url.charAt(CHAT_PATH.length) === '?');
}

/** Turns an unexpected rejection into a logged 500 in OpenAI format instead of an unhandled promise. */
function guarded(handler: ChatHandler, logger: Logger): ChatHandler {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      logger.error('unhandled error', { path: req.url, error: error instanceof Error ? error.stack : String(error) });
      if (!res.headersSent) sendError(res, new SwitchyardError('internal_error', 'Internal gateway error.'));
      else if (!res.writableEnded) res.end();
    }
  };
}
