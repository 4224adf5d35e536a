import type { Request, Response } from 'express';
import type { SnapshotHolder } from '../../../application/config/snapshot-holder';
import { describeRoute } from '../../../domain/routing/describe-route';

/** `GET /v1/models`: every routable name, in OpenAI's list format, with what it routes to. */
export function modelsHandler(snapshots: SnapshotHolder) {
  return (_req: Request, res: Response): void => {
    const snapshot = snapshots.current();
    const created = Math.floor(snapshot.loadedAt.getTime() / 1000);
    const data = [...snapshot.routes.all()].map((plan) => {
      const { name, ...switchyard } = describeRoute(plan);
      return { id: name, object: 'model', created, owned_by: 'switchyard', switchyard };
    });
    res.json({ object: 'list', data });
  };
}
