import type { RequestListener } from 'node:http';
import { ContainerModule } from 'inversify';
import type { SnapshotHolder } from '../../application/config/snapshot-holder';
import type { Clock } from '../../application/ports/clock';
import type { Logger } from '../../application/ports/logger';
import type { ReloadConfig } from '../../application/reload-config/reload-config';
import type { RouteChat } from '../../application/route-chat/route-chat';
import { createHttpHandler } from '../http/create-http-app';
import { ReloadRunner } from './reload-runner';
import { TOKENS } from './tokens';

/** The reload entry point every interface shares, and the REST interface's request listener (built only when something serves HTTP). */
export const interfacesModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.ReloadRunner).toResolvedValue((reloadConfig: ReloadConfig) => new ReloadRunner(reloadConfig), [TOKENS.ReloadConfig]);
  bind(TOKENS.HttpHandler).toResolvedValue(
    (
      routeChat: RouteChat,
      snapshots: SnapshotHolder,
      reloads: ReloadRunner,
      logger: Logger,
      clock: Clock,
      env: Readonly<Record<string, string | undefined>>,
    ): RequestListener =>
      createHttpHandler({ routeChat, snapshots, reloads, logger, clock, adminToken: env.SWITCHYARD_ADMIN_TOKEN }),
    [TOKENS.RouteChat, TOKENS.SnapshotHolder, TOKENS.ReloadRunner, TOKENS.Logger, TOKENS.Clock, TOKENS.Environment],
  );
});
