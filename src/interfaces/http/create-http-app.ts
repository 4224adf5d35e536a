import express, { type NextFunction, type Request, type Response } from 'express';
import type { SnapshotHolder } from '../../application/config/snapshot-holder';
import type { Logger } from '../../application/ports/logger';
import type { RouteChat } from '../../application/route-chat/route-chat';
import { SwitchyardError } from '../../domain/errors/switchyard-error';
import { chatCompletionsHandler } from './routes/chat-completions-route';
import { livenessHandler, readinessHandler } from './routes/health-routes';
import { modelsHandler } from './routes/models-route';
import { sendError } from './write-routed-response';

export interface HttpAppDeps {
  readonly routeChat: RouteChat;
  readonly snapshots: SnapshotHolder;
  readonly logger: Logger;
}

/** The REST interface: OpenAI-compatible routing plus health endpoints. */
export function createHttpApp(deps: HttpAppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const bodyLimit = deps.snapshots.current().server.bodyLimitBytes;
  const json = express.json({ limit: bodyLimit, type: ['application/json', 'application/*+json'] });

  app.get('/healthz', livenessHandler);
  app.get('/readyz', readinessHandler(deps.snapshots));
  app.get('/v1/models', modelsHandler(deps.snapshots));
  app.post('/v1/chat/completions', json, chatCompletionsHandler(deps.routeChat));

  app.use((req: Request, res: Response) => {
    sendError(res, new SwitchyardError('route_not_found', `Unknown route ${req.method} ${req.path}.`));
  });
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const type = (error as { type?: unknown }).type;
    if (type === 'entity.too.large') {
      sendError(res, new SwitchyardError('payload_too_large', `The request body is larger than ${bodyLimit} bytes.`));
      return;
    }
    if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
      sendError(res, new SwitchyardError('invalid_request', `The request body is not valid JSON: ${(error as Error).message}`));
      return;
    }
    deps.logger.error('unhandled error', { path: req.path, error: error instanceof Error ? error.stack : String(error) });
    sendError(res, new SwitchyardError('internal_error', 'Internal gateway error.'));
  });
  return app;
}
