import { openPeriodMs } from '../../../../src/infrastructure/breaker/open-period';
import { SETTINGS } from './breaker-harness';

describe('openPeriodMs', () => {
  it('doubles resetTimeoutMs with each consecutive opening, up to maxResetTimeoutMs', () => {
    expect([1, 2, 3, 4, 5].map((n) => openPeriodMs(SETTINGS, n))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('stays at the cap after very many openings', () => {
    expect(openPeriodMs(SETTINGS, 5_000)).toBe(5_000);
  });

  it('never exceeds what a Node timer can wait', () => {
    const huge = { ...SETTINGS, resetTimeoutMs: 3e9, maxResetTimeoutMs: 4e9 };
    expect(openPeriodMs(huge, 1)).toBe(2_147_483_647);
  });
});
