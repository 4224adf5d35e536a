import type { RequestListener } from 'node:http';
import { ContainerModule } from 'inversify';
import type { SnapshotHolder } from '../../application/config/snapshot-holder';
import type { Logger } from '../../application/ports/logger';
import type { RouteChat } from '../../application/route-chat/route-chat';
import { createHttpHandler } from '../http/create-http-app';
import { TOKENS } from './tokens';

/** The REST interface's request listener, built only when something serves HTTP. */
export const interfacesModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.HttpHandler).toResolvedValue(
    (routeChat: RouteChat, snapshots: SnapshotHolder, logger: Logger): RequestListener =>
      createHttpHandler({ routeChat, snapshots, logger }),
    [TOKENS.RouteChat, TOKENS.SnapshotHolder, TOKENS.Logger],
  );
});
