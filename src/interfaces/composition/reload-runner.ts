import type { ConfigStatus, ReloadAttempt, ReloadTrigger } from '../../application/reload-config/config-status';
import type { ReloadConfig } from '../../application/reload-config/reload-config';
import { SwitchyardError } from '../../domain/errors/switchyard-error';

/**
 * Runs the ReloadConfig use case for every trigger (watcher, signal, admin route, facade) until the
 * gateway closes. `close()` refuses new reloads and waits for the one in flight, so that no reload
 * builds breakers or starts health loops after the runtime has disposed of them.
 */
export class ReloadRunner {
  private readonly inFlight = new Set<Promise<ReloadAttempt>>();
  private closed = false;

  public constructor(private readonly reloadConfig: ReloadConfig) {}

  public execute(trigger: ReloadTrigger): Promise<ReloadAttempt> {
    if (this.closed) return Promise.reject(new SwitchyardError('gateway_closed', 'The gateway has been closed.'));
    const run = this.reloadConfig.execute(trigger);
    this.inFlight.add(run);
    const forget = (): void => {
      this.inFlight.delete(run);
    };
    run.then(forget, forget);
    return run;
  }

  public status(): ConfigStatus {
    return this.reloadConfig.status();
  }

  public async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
  }
}
