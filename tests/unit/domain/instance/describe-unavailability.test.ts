import { describeUnavailability } from '../../../../src/domain/instance/describe-unavailability';

describe('describeUnavailability', () => {
  it('counts a breaker open period on the wall clock and a cooldown on the monotonic one', () => {
    const now = 12_000; // performance.now(): ms since the process started
    const wallNow = Date.UTC(2026, 11, 1, 12, 0, 0);
    expect(describeUnavailability({ kind: 'breaker_open', trialAt: wallNow + 4_000 }, now, wallNow)).toBe(
      'breaker open until 2026-12-01T12:00:04.000Z (in 4000 ms)',
    );
    expect(describeUnavailability({ kind: 'cooling_down', until: now + 2_500 }, now, wallNow)).toBe('cooling down (Retry-After) for 2500 ms');
  });
});
