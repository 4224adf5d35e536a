import type { Request, Response } from 'express';
import type { ConfigStatus, ReloadAttempt } from '../../../application/reload-config/config-status';
import type { ReloadConfig } from '../../../application/reload-config/reload-config';
import { isSwitchyardError } from '../../../domain/errors/switchyard-error';
import { sendError } from '../write-routed-response';

type ConfigReloads = Pick<ReloadConfig, 'execute' | 'status'>;

/**
 * `POST /admin/reload`: reloads the tree now. 200 when the new configuration was applied or
 * nothing changed; 422 when it was rejected (every problem listed; the last good one stays).
 */
export function adminReloadHandler(reloads: ConfigReloads) {
  return async (_req: Request, res: Response): Promise<void> => {
    let attempt: ReloadAttempt;
    try {
      attempt = await reloads.execute('admin');
    } catch (error) {
      if (!isSwitchyardError(error)) throw error;
      sendError(res, error);
      return;
    }
    res.status(attempt.result === 'rejected' ? 422 : 200).json(reloadAttemptBody(attempt));
  };
}

/** `GET /admin/config`: the configuration in force (version, load time, warnings) and the last reloads. */
export function adminConfigHandler(reloads: ConfigReloads) {
  return (_req: Request, res: Response): void => {
    res.json(configStatusBody(reloads.status()));
  };
}

function configStatusBody(status: ConfigStatus) {
  return {
    configDir: status.configDir,
    version: status.version,
    loadedAt: status.loadedAt.toISOString(),
    warnings: status.warnings,
    lastAttempt: status.lastAttempt === undefined ? null : reloadAttemptBody(status.lastAttempt),
    lastChange: status.lastChange === undefined ? null : reloadAttemptBody(status.lastChange),
  };
}

function reloadAttemptBody(attempt: ReloadAttempt) {
  return {
    at: attempt.at.toISOString(),
    trigger: attempt.trigger,
    result: attempt.result,
    durationMs: attempt.durationMs,
    errors: attempt.errors.map(({ file, path, message }) => ({ file, path, message })),
    change: attempt.change ?? null,
  };
}
