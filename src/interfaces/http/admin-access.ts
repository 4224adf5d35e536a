import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { ServerSettings } from '../../application/config/gateway-snapshot';
import { SwitchyardError } from '../../domain/errors/switchyard-error';
import { adminHostNames, isAdminHostAllowed } from './admin-host-names';
import { couldBeCrossSitePost } from './could-be-cross-site-post';
import { isLoopbackAddress } from './is-loopback-address';
import { sendError } from './write-routed-response';

type AdminVerdict = { readonly ok: true } | { readonly ok: false; readonly message: string };

const ALLOWED: AdminVerdict = { ok: true };

/**
 * Admin routes answer a request when, first, its `Host` names this gateway (see isAdminHostAllowed),
 * and then either:
 * - it presents `Authorization: Bearer <SWITCHYARD_ADMIN_TOKEN>`, from anywhere; or
 * - it presents no `Authorization` at all, comes from loopback, and (for a POST) is not something a
 *   browser could send from another site (see couldBeCrossSitePost).
 * A wrong token is refused even from loopback: whoever presents one is not the operator.
 * `server` is read per request so that `allowed_hosts` follows the configuration in force.
 */
export function adminAccess(adminToken: string | undefined, server: () => Pick<ServerSettings, 'host' | 'allowedHosts'>) {
  const expected = adminToken !== undefined && adminToken !== '' ? Buffer.from(`Bearer ${adminToken}`) : undefined;
  return (req: Request, res: Response, next: NextFunction): void => {
    const verdict = judge(req, expected, server);
    if (verdict.ok) next();
    else sendError(res, new SwitchyardError('forbidden', verdict.message));
  };
}

function judge(req: Request, expected: Buffer | undefined, server: () => Pick<ServerSettings, 'host' | 'allowedHosts'>): AdminVerdict {
  if (!isAdminHostAllowed(req.headers.host, adminHostNames(server()))) {
    return { ok: false, message: 'Admin routes answer only to the listen address, loopback names and [server].allowed_hosts in the Host header.' };
  }
  const presented = req.headers.authorization;
  if (presented !== undefined) {
    return matches(presented, expected) ? ALLOWED : { ok: false, message: 'The admin bearer token presented is not valid.' };
  }
  if (!isLoopbackAddress(req.socket.remoteAddress)) {
    return { ok: false, message: 'Admin routes need a loopback client or a valid admin bearer token.' };
  }
  if (req.method !== 'GET' && req.method !== 'HEAD' && couldBeCrossSitePost(req.headers)) {
    return { ok: false, message: 'Admin POST requests need Content-Type: application/json or a valid admin bearer token.' };
  }
  return ALLOWED;
}

function matches(presented: string, expected: Buffer | undefined): boolean {
  if (expected === undefined) return false;
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
