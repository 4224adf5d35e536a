import type { Request, Response } from 'express';
import type { SnapshotHolder } from '../../../application/config/snapshot-holder';
import type { Clock } from '../../../application/ports/clock';
import { describePools } from '../../../application/visibility/describe-pools';

/** `GET /admin/pools`: every pool and instance with health, breaker, in-flight, latency, cooldown, failures. */
export function adminPoolsHandler(snapshots: SnapshotHolder, clock: Clock) {
  return (_req: Request, res: Response): void => {
    res.json(describePools(snapshots.current(), clock.now()));
  };
}
