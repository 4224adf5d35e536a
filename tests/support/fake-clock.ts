import type { Clock } from '../../src/application/ports/clock';

/**
 * A clock on the global timers: jest's fake timers when the test installs them
 * (`jest.useFakeTimers()`), real ones otherwise.
 */
export const globalTimersClock: Clock = {
  now: () => Date.now(),
  schedule: (ms, callback) => {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};

/** A clock the test moves by hand through `time`, for code that only reads the time: `schedule` throws. */
export class ManualClock implements Clock {
  public time = 1_000;

  public now(): number {
    return this.time;
  }

  public schedule(): () => void {
    throw new Error('ManualClock.schedule is not expected to be called');
  }
}
