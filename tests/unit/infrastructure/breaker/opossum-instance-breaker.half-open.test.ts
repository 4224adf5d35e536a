import type { InstanceBreaker } from '../../../../src/domain/breaker/instance-breaker';
import { disposeAll, fail, halfOpened, SETTINGS, succeed } from './breaker-harness';

/** Takes one trial and fails it. */
function failTrial(breaker: InstanceBreaker): void {
  expect(breaker.tryAcquire()).toBe(true);
  breaker.recordFailure();
}

/** Takes every trial slot without recording outcomes. */
function passTrialSlots(breaker: InstanceBreaker): void {
  for (let i = 0; i < SETTINGS.halfOpenTrials; i += 1) expect(breaker.tryAcquire()).toBe(true);
}

/** Takes every trial slot and succeeds them all. */
function passTrials(breaker: InstanceBreaker): void {
  passTrialSlots(breaker);
  succeed(breaker, SETTINGS.halfOpenTrials);
}

describe('OpossumInstanceBreaker while half-open', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    disposeAll();
    jest.useRealTimers();
  });

  it('lets exactly halfOpenTrials calls through', () => {
    const { breaker } = halfOpened({ halfOpenTrials: 3 });
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.isCallable()).toBe(true);
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.isCallable()).toBe(false);
    expect(breaker.tryAcquire()).toBe(false);
    expect(breaker.state()).toEqual({ kind: 'half_open', trialsStarted: 3, trialsSucceeded: 0, openings: 1 });
  });

  it('does not reserve a slot on isCallable', () => {
    const { breaker } = halfOpened({ halfOpenTrials: 1 });
    expect(breaker.isCallable()).toBe(true);
    expect(breaker.isCallable()).toBe(true);
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('gives a slot back on releaseWithoutOutcome', () => {
    const { breaker } = halfOpened();
    passTrialSlots(breaker);
    expect(breaker.isCallable()).toBe(false);
    breaker.releaseWithoutOutcome();
    expect(breaker.isCallable()).toBe(true);
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('gives back no slot that was not taken', () => {
    const { breaker } = halfOpened();
    breaker.releaseWithoutOutcome();
    passTrialSlots(breaker);
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('reopens at once on a failed trial, for twice the period, capped at maxResetTimeoutMs', () => {
    const { breaker, kinds } = halfOpened();
    const periods: number[] = [];
    for (let openings = 2; openings <= 5; openings += 1) {
      const reopenedAt = Date.now();
      failTrial(breaker);
      const state = breaker.state();
      if (state.kind !== 'open') throw new Error(`expected open, got ${state.kind}`);
      expect(state.openings).toBe(openings);
      expect(state.openedAt).toBe(reopenedAt);
      periods.push(state.trialAt - state.openedAt);

      jest.advanceTimersByTime(state.trialAt - state.openedAt - 1);
      expect(breaker.tryAcquire()).toBe(false);
      jest.advanceTimersByTime(1);
      expect(breaker.state().kind).toBe('half_open');
    }
    expect(periods).toEqual([2_000, 4_000, 5_000, 5_000]);
    expect(kinds().slice(2, 4)).toEqual(['half_open->open', 'open->half_open']);
  });

  it('stays half-open until every trial has succeeded', () => {
    const { breaker } = halfOpened();
    passTrialSlots(breaker);
    breaker.recordSuccess();
    expect(breaker.state()).toEqual({ kind: 'half_open', trialsStarted: 2, trialsSucceeded: 1, openings: 1 });
  });

  it('closes after halfOpenTrials successes, with the backoff and the old failures forgotten', () => {
    const { breaker, kinds } = halfOpened();
    failTrial(breaker);
    jest.advanceTimersByTime(2_000);
    passTrials(breaker);
    expect(breaker.state()).toEqual({ kind: 'closed' });
    expect(kinds()).toEqual([
      'closed->open',
      'open->half_open',
      'half_open->open',
      'open->half_open',
      'half_open->closed',
    ]);

    // Five failures opened it less than a window ago; a fresh window needs five again.
    fail(breaker, 4);
    expect(breaker.state().kind).toBe('closed');
    const openedAt = Date.now();
    fail(breaker, 1);
    expect(breaker.state()).toEqual({ kind: 'open', openedAt, trialAt: openedAt + 1_000, openings: 1 });
  });

  it('ignores outcomes that arrive with no trial in flight', () => {
    const { breaker, kinds } = halfOpened();
    breaker.recordFailure();
    succeed(breaker, 5);
    expect(breaker.state()).toEqual({ kind: 'half_open', trialsStarted: 0, trialsSucceeded: 0, openings: 1 });
    expect(kinds()).toEqual(['closed->open', 'open->half_open']);
  });

  it('reports each change once, with the states before and after', () => {
    const { breaker, transitions } = halfOpened({ halfOpenTrials: 1 });
    const halfOpen = breaker.state();
    failTrial(breaker);
    const reopened = breaker.state();
    jest.advanceTimersByTime(2_000);
    const halfOpenAgain = breaker.state();
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordSuccess();

    expect(transitions.slice(2)).toEqual([
      { from: { ...halfOpen, trialsStarted: 1 }, to: reopened },
      { from: reopened, to: halfOpenAgain },
      { from: { ...halfOpenAgain, trialsStarted: 1 }, to: { kind: 'closed' } },
    ]);
    expect(transitions).toHaveLength(5);
  });

  it('leaves no timer behind once disposed, half-open or closed again', () => {
    const halfOpen = halfOpened();
    const closedAgain = halfOpened();
    passTrials(closedAgain.breaker);
    halfOpen.breaker.dispose();
    closedAgain.breaker.dispose();
    expect(jest.getTimerCount()).toBe(0);
  });
});
