import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { SwitchyardError } from '../../domain/errors/switchyard-error';
import { sendError } from './write-routed-response';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * Admin routes answer clients on loopback, or anyone presenting `Authorization: Bearer <token>`
 * when an admin token is configured (SWITCHYARD_ADMIN_TOKEN).
 */
export function adminAccess(adminToken: string | undefined) {
  const expected = adminToken !== undefined && adminToken !== '' ? Buffer.from(`Bearer ${adminToken}`) : undefined;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (LOOPBACK.test(req.socket.remoteAddress ?? '')) {
      next();
      return;
    }
    const presented = req.headers.authorization;
    if (expected !== undefined && presented !== undefined) {
      const given = Buffer.from(presented);
      if (given.length === expected.length && timingSafeEqual(given, expected)) {
        next();
        return;
      }
    }
    sendError(res, new SwitchyardError('forbidden', 'Admin routes need a loopback client or a valid admin bearer token.'));
  };
}
