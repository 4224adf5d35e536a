import type { MockUpstreamKnobs } from './mock-upstream-knobs';

export const MockFaultValues = ['reset', 'hang', 'failure', 'none'] as const;
export type MockFault = (typeof MockFaultValues)[number];

/**
 * Rolls for each fault in a fixed order: reset, hang, failure. A rate of 0 never consumes a roll,
 * so an injected `random` sees only the rolls that can matter.
 */
export function pickFault(knobs: MockUpstreamKnobs, random: () => number): MockFault {
  if (rolls(knobs.resetRate, random)) return 'reset';
  if (rolls(knobs.hangRate, random)) return 'hang';
  if (rolls(knobs.failureRate, random)) return 'failure';
  return 'none';
}

function rolls(rate: number, random: () => number): boolean {
  return rate >= 1 || (rate > 0 && random() < rate);
}
