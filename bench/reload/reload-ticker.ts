import type { Pool } from 'undici';
import { postReload, type TimedReload } from './post-reload';

/**
 * Rewrites a file and reloads, every `intervalMs` on a fixed schedule (a reload that runs long
 * delays the next one, never piles them up), until `stop()`. `stop()` waits for the reload in
 * progress and returns every reload made.
 */
export function startReloadTicker(
  admin: Pool,
  touch: (n: number) => Promise<void>,
  firstVersion: number,
  intervalMs: number,
): { stop(): Promise<TimedReload[]> } {
  const reloads: TimedReload[] = [];
  let stopped = false;
  let wake: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });
  const loop = async (): Promise<void> => {
    const startedAt = Date.now();
    for (let tick = 0; !stopped; tick += 1) {
      await touch(firstVersion + tick);
      reloads.push(await postReload(admin));
      await pause(Math.max(0, startedAt + (tick + 1) * intervalMs - Date.now()));
    }
  };
  const running = loop();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      wake?.();
      await running;
      return reloads;
    },
  };
}
