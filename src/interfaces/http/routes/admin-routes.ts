import type { Request, Response } from 'express';
import type { SnapshotHolder } from '../../../application/config/snapshot-holder';
import type { Clock } from '../../../application/ports/clock';
import type { RouteChat } from '../../../application/route-chat/route-chat';
import { describePools } from '../../../application/visibility/describe-pools';

/** `GET /admin/pools`: every pool and instance with health, breaker, in-flight, latency, cooldown, failures. */
export function adminPoolsHandler(snapshots: SnapshotHolder, routeChat: RouteChat, clock: Clock) {
  return (_req: Request, res: Response): void => {
    res.json(describePools(snapshots.current(), routeChat.tierGates.snapshot(), clock.now()));
  };
}
