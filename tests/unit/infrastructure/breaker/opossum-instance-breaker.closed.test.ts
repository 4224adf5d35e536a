import { disposeAll, fail, harness, SETTINGS, succeed } from './breaker-harness';

describe('OpossumInstanceBreaker while closed', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    disposeAll();
    jest.useRealTimers();
  });

  it('lets every call through', () => {
    const { breaker, transitions } = harness();
    expect(breaker.state()).toEqual({ kind: 'closed' });
    expect(breaker.isCallable()).toBe(true);
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(true);
    expect(transitions).toHaveLength(0);
  });

  it('stays closed below the volume threshold, however many of the calls failed', () => {
    const { breaker } = harness();
    fail(breaker, 4);
    expect(breaker.state().kind).toBe('closed');
    expect(breaker.isCallable()).toBe(true);
  });

  it('opens once the volume threshold is met with a failure share above the threshold', () => {
    const { breaker, kinds } = harness();
    const start = Date.now();
    fail(breaker, 5);
    expect(breaker.state()).toEqual({
      kind: 'open',
      openedAt: start,
      trialAt: start + SETTINGS.resetTimeoutMs,
      openings: 1,
    });
    expect(breaker.isCallable()).toBe(false);
    expect(breaker.tryAcquire()).toBe(false);
    expect(kinds()).toEqual(['closed->open']);
  });

  it('stays closed while failures are at most the threshold share of the window', () => {
    const { breaker } = harness();
    succeed(breaker, 7);
    fail(breaker, 3);
    expect(breaker.state().kind).toBe('closed');

    fail(breaker, 2); // 5 of 12: still under 50 %
    expect(breaker.state().kind).toBe('closed');
  });

  it('needs the share strictly above the threshold: 50 % of 10 stays closed, 6 of 11 opens', () => {
    const { breaker } = harness();
    succeed(breaker, 5);
    fail(breaker, 5);
    expect(breaker.state().kind).toBe('closed');
    fail(breaker, 1);
    expect(breaker.state().kind).toBe('open');
  });

  it('forgets failures older than the rolling window', () => {
    const { breaker } = harness();
    fail(breaker, 4);
    jest.advanceTimersByTime(SETTINGS.rollingWindowMs);
    fail(breaker, 4);
    expect(breaker.state().kind).toBe('closed');
    fail(breaker, 1);
    expect(breaker.state().kind).toBe('open');
  });

  it('still counts failures inside the window', () => {
    const { breaker } = harness();
    fail(breaker, 4);
    jest.advanceTimersByTime(SETTINGS.rollingWindowMs / 2);
    fail(breaker, 1);
    expect(breaker.state().kind).toBe('open');
  });

  it('keeps rejecting until the open period has passed, then allows trials', () => {
    const { breaker, kinds } = harness();
    fail(breaker, 5);
    jest.advanceTimersByTime(SETTINGS.resetTimeoutMs - 1);
    expect(breaker.isCallable()).toBe(false);
    expect(breaker.tryAcquire()).toBe(false);

    jest.advanceTimersByTime(1);
    expect(breaker.state()).toEqual({ kind: 'half_open', trialsStarted: 0, trialsSucceeded: 0, openings: 1 });
    expect(breaker.isCallable()).toBe(true);
    expect(kinds()).toEqual(['closed->open', 'open->half_open']);
  });

  it('ignores outcomes recorded while open (calls that started before it opened)', () => {
    const { breaker, kinds } = harness();
    fail(breaker, 5);
    const opened = breaker.state();
    fail(breaker, 3);
    succeed(breaker, 3);
    breaker.releaseWithoutOutcome();
    expect(breaker.state()).toBe(opened);

    jest.advanceTimersByTime(SETTINGS.resetTimeoutMs);
    expect(breaker.state()).toEqual({ kind: 'half_open', trialsStarted: 0, trialsSucceeded: 0, openings: 1 });
    expect(kinds()).toEqual(['closed->open', 'open->half_open']);
  });

  it('leaves no timer behind once disposed, closed or open', () => {
    const closed = harness();
    const open = harness();
    fail(open.breaker, 5);
    expect(jest.getTimerCount()).toBeGreaterThan(0);

    closed.breaker.dispose();
    open.breaker.dispose();
    expect(jest.getTimerCount()).toBe(0);
  });
});
