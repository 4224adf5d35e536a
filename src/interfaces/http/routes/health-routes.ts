import type { Request, Response } from 'express';
import type { SnapshotHolder } from '../../../application/config/snapshot-holder';

/** `GET /healthz`: the process is up. */
export function livenessHandler(_req: Request, res: Response): void {
  res.json({ status: 'ok' });
}

/** `GET /readyz`: a configuration is loaded and at least one instance is enabled to serve. */
export function readinessHandler(snapshots: SnapshotHolder) {
  return (_req: Request, res: Response): void => {
    const snapshot = snapshots.current();
    let enabled = 0;
    for (const pool of snapshot.pools.values()) enabled += pool.enabledCount;
    const body = { status: enabled > 0 ? 'ready' : 'not_ready', configVersion: snapshot.version, enabledInstances: enabled };
    res.status(enabled > 0 ? 200 : 503).json(body);
  };
}
