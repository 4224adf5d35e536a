import CircuitBreaker from 'opossum';
import type { BreakerTransition } from '../../application/ports/circuit-breaker-factory';
import type { BreakerState } from '../../domain/breaker/breaker-state';
import type { CircuitBreakerSettings } from '../../domain/breaker/circuit-breaker-settings';
import type { InstanceBreaker } from '../../domain/breaker/instance-breaker';
import { openPeriodMs } from './open-period';

/*
 * Outcomes reach opossum as `fire(verdict)` of an action that throws the verdict at once. opossum
 * handles a synchronous throw inside `fire` itself: its `errorFilter` turns SUCCEEDED into a counted
 * success, FAILED is counted as a failure and judged by opossum's own threshold rule, and either way
 * the breaker has (or has not) opened before `recordFailure` returns, with nothing left for a later
 * tick. The promise `fire` returns always rejects with the verdict; that rejection means nothing.
 */
const SUCCEEDED = new Error('call succeeded');
const FAILED = new Error('call failed');

function throwVerdict(verdict: Error): never {
  throw verdict;
}

function isSuccess(error: unknown): boolean {
  return error === SUCCEEDED;
}

function ignoreVerdict(): void {}

const CLOSED: BreakerState = { kind: 'closed' };

/**
 * One instance's breaker. opossum keeps the rolling window while closed, decides when to open and
 * runs the open timer; this class owns the half-open trials (opossum allows only one) and the
 * backoff of the open period. While half-open or open, nothing is fed to opossum.
 */
export class OpossumInstanceBreaker implements InstanceBreaker {
  private current: BreakerState = CLOSED;
  private options: CircuitBreaker.Options<[Error]>;
  private circuit: CircuitBreaker<[Error], never>;

  public constructor(
    private readonly name: string,
    private readonly settings: CircuitBreakerSettings,
    private readonly onTransition: (transition: BreakerTransition) => void,
  ) {
    this.options = this.freshOptions();
    this.circuit = this.freshCircuit();
  }

  public state(): BreakerState {
    return this.current;
  }

  public isCallable(): boolean {
    const state = this.current;
    switch (state.kind) {
      case 'closed':
        return true;
      case 'open':
        return false;
      case 'half_open':
        return state.trialsStarted < this.settings.halfOpenTrials;
    }
  }

  public tryAcquire(): boolean {
    const state = this.current;
    switch (state.kind) {
      case 'closed':
        return true;
      case 'open':
        return false;
      case 'half_open':
        if (state.trialsStarted >= this.settings.halfOpenTrials) return false;
        this.current = { ...state, trialsStarted: state.trialsStarted + 1 };
        return true;
    }
  }

  public recordSuccess(): void {
    const state = this.current;
    switch (state.kind) {
      case 'closed':
        this.circuit.fire(SUCCEEDED).catch(ignoreVerdict);
        return;
      case 'open':
        return;
      case 'half_open': {
        if (!hasTrialInFlight(state)) return;
        const trialsSucceeded = state.trialsSucceeded + 1;
        if (trialsSucceeded >= this.settings.halfOpenTrials) this.closeAfterTrials();
        else this.current = { ...state, trialsSucceeded };
        return;
      }
    }
  }

  public recordFailure(): void {
    const state = this.current;
    switch (state.kind) {
      case 'closed':
        this.circuit.fire(FAILED).catch(ignoreVerdict);
        return;
      case 'open':
        return;
      case 'half_open':
        if (!hasTrialInFlight(state)) return;
        // opossum starts its timer from its own 'open' listener, which runs before ours: set the
        // longer period first.
        this.options.resetTimeout = openPeriodMs(this.settings, state.openings + 1);
        this.circuit.open();
        return;
    }
  }

  public releaseWithoutOutcome(): void {
    const state = this.current;
    if (state.kind !== 'half_open' || !hasTrialInFlight(state)) return;
    this.current = { ...state, trialsStarted: state.trialsStarted - 1 };
  }

  public dispose(): void {
    this.circuit.shutdown();
  }

  /** Closing starts over: a new opossum breaker has an empty window and the first open period. */
  private closeAfterTrials(): void {
    this.circuit.shutdown();
    this.options = this.freshOptions();
    this.circuit = this.freshCircuit();
    this.moveTo(CLOSED);
  }

  private readonly handleOpen = (): void => {
    const previous = this.current;
    const openings = previous.kind === 'half_open' ? previous.openings + 1 : 1;
    const openedAt = Date.now();
    const trialAt = openedAt + openPeriodMs(this.settings, openings);
    this.moveTo({ kind: 'open', openedAt, trialAt, openings });
  };

  private readonly handleHalfOpen = (): void => {
    const previous = this.current;
    if (previous.kind !== 'open') return;
    this.moveTo({ kind: 'half_open', trialsStarted: 0, trialsSucceeded: 0, openings: previous.openings });
  };

  private moveTo(to: BreakerState): void {
    const from = this.current;
    this.current = to;
    this.onTransition({ from, to });
  }

  private freshOptions(): CircuitBreaker.Options<[Error]> {
    const { settings } = this;
    return {
      name: this.name,
      timeout: false,
      errorThresholdPercentage: settings.errorThresholdPercentage,
      volumeThreshold: settings.volumeThreshold,
      rollingCountTimeout: settings.rollingWindowMs,
      rollingCountBuckets: 10,
      rollingPercentilesEnabled: false,
      enableSnapshots: false,
      resetTimeout: openPeriodMs(settings, 1),
      errorFilter: isSuccess,
    };
  }

  private freshCircuit(): CircuitBreaker<[Error], never> {
    const circuit = new CircuitBreaker<[Error], never>(throwVerdict, this.options);
    circuit.on('open', this.handleOpen);
    circuit.on('halfOpen', this.handleHalfOpen);
    return circuit;
  }
}

/** Outcomes arriving while half-open count only against a trial that was let through. */
function hasTrialInFlight(state: Extract<BreakerState, { kind: 'half_open' }>): boolean {
  return state.trialsStarted > state.trialsSucceeded;
}
