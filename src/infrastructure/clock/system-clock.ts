import { performance } from 'node:perf_hooks';
import type { Clock } from '../../application/ports/clock';

export class SystemClock implements Clock {
  public now(): number {
    return performance.now();
  }

  public schedule(ms: number, callback: () => void): () => void {
    const timer = setTimeout(callback, ms);
    // A pending deadline must never keep the process alive on its own.
    timer.unref();
    return () => clearTimeout(timer);
  }
}
