import type { Logger } from '../../application/ports/logger';
import { ConfigTreeWatcher } from '../../infrastructure/config-watch/config-tree-watcher';
import { errorMessage } from '../../domain/errors/error-message';

export interface ConfigTreeWatch {
  /** From now on every burst of changes calls `reload`; a burst seen before this call calls it at once. */
  deliverTo(reload: () => Promise<unknown>): void;
  close(): Promise<void>;
}

/**
 * Starts watching a configuration tree before the first load, so that an edit made while the
 * gateway starts is not lost: it is delivered as soon as the gateway can reload.
 */
export async function watchConfigTree(configDir: string, logger: Logger): Promise<ConfigTreeWatch> {
  let reload: (() => Promise<unknown>) | undefined;
  let missed = false;
  const onChange = (): void => {
    if (reload === undefined) {
      missed = true;
      return;
    }
    reload().catch((error: unknown) => {
      logger.error('config reload failed', { trigger: 'watch', error: errorMessage(error) });
    });
  };
  const watcher = new ConfigTreeWatcher({
    dir: configDir,
    onChange,
    onError: (error) => logger.warn('config watcher problem', { configDir, problem: error.message }),
  });
  await watcher.start();
  return {
    deliverTo(next) {
      reload = next;
      if (missed) {
        missed = false;
        onChange();
      }
    },
    close: () => watcher.close(),
  };
}
