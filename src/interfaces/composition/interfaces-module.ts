import type { RequestListener } from 'node:http';
import { ContainerModule } from 'inversify';
import type { SnapshotHolder } from '../../application/config/snapshot-holder';
import type { Clock } from '../../application/ports/clock';
import type { Logger } from '../../application/ports/logger';
import type { RouteChat } from '../../application/route-chat/route-chat';
import { createHttpHandler } from '../http/create-http-app';
import { TOKENS } from './tokens';

/** The REST interface's request listener, built only when something serves HTTP. */
export const interfacesModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.HttpHandler).toResolvedValue(
    (
      routeChat: RouteChat,
      snapshots: SnapshotHolder,
      logger: Logger,
      clock: Clock,
      env: Readonly<Record<string, string | undefined>>,
    ): RequestListener =>
      createHttpHandler({ routeChat, snapshots, logger, clock, adminToken: env.SWITCHYARD_ADMIN_TOKEN }),
    [TOKENS.RouteChat, TOKENS.SnapshotHolder, TOKENS.Logger, TOKENS.Clock, TOKENS.Environment],
  );
});
