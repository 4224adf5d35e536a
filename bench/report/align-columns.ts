/**
 * Lays rows out in columns. `alignment` has one letter per column, `l` or `r`; columns past its
 * end are right-aligned. A trailing empty cell adds no padding.
 */
export function alignColumns(rows: readonly (readonly string[])[], alignment: string): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  const pad = (cell: string, index: number): string =>
    alignment[index] === 'l' ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0);
  return rows.map((row) => `  ${row.map(pad).join('  ').trimEnd()}`).join('\n');
}
