import { applyKnobPatch, type MockUpstreamKnobs } from './mock-upstream-knobs';
import { MockUpstreamCounters } from './mock-upstream-stats';

/** Everything one running mock shares between its requests: knobs, counters, the dice, the models seen. */
export class MockUpstreamState {
  public readonly counters = new MockUpstreamCounters();
  /** Never cleared by a stats reset, so `/v1/models` keeps listing what clients asked for. */
  public readonly seenModels = new Set<string>(['mock-model']);
  private current: MockUpstreamKnobs;

  public constructor(
    knobs: MockUpstreamKnobs,
    public readonly random: () => number,
  ) {
    this.current = knobs;
  }

  public get knobs(): MockUpstreamKnobs {
    return this.current;
  }

  /** Validates and applies a patch; throws RangeError and keeps the old knobs when it is invalid. */
  public setKnobs(patch: unknown): MockUpstreamKnobs {
    this.current = applyKnobPatch(this.current, patch);
    return this.current;
  }
}
