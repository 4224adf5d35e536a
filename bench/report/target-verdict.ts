export const VerdictValues = ['PASS', 'FAIL'] as const;
export type Verdict = (typeof VerdictValues)[number];

export const VerdictUnitValues = ['ms', '%', 'MB', '×'] as const;
export type VerdictUnit = (typeof VerdictUnitValues)[number];

export interface TargetVerdict {
  readonly target: string;
  readonly measured: number | null;
  readonly unit: VerdictUnit;
  readonly verdict: Verdict;
  /** Why the verdict is FAIL regardless of the number, when it is. */
  readonly note: string | null;
}

/** Runs with errors named in a verdict's note; the rest are counted. */
const MaxErrorRunsNamed = 4;

/** PASS when `measured` meets the target and no run it came from had errors. */
export function judge(
  target: string,
  measured: number | null,
  unit: VerdictUnit,
  meets: (value: number) => boolean,
  runsWithErrors: readonly string[],
): TargetVerdict {
  let note: string | null = null;
  if (measured === null) note = 'not measured (no successful requests, or no reading)';
  else if (runsWithErrors.length > 0) {
    const named = runsWithErrors.slice(0, MaxErrorRunsNamed);
    const more = runsWithErrors.length - named.length;
    note = `run had errors (${named.join(', ')}${more > 0 ? `, ${more} more` : ''})`;
  }
  const verdict: Verdict = note === null && measured !== null && meets(measured) ? 'PASS' : 'FAIL';
  return { target, measured, unit, verdict, note };
}
