import type { TableRow } from './parse-table';

const MAX_VALUES = 100;

/** The different values of one column (trimmed, blanks left out), most frequent first, at most 100. */
export function distinctValues(rows: readonly TableRow[], column: number): Array<{ value: string; rows: number }> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const value = row.cells[column]?.trim() ?? '';
    if (value !== '') counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, rows: count }))
    .sort((a, b) => b.rows - a.rows || a.value.localeCompare(b.value))
    .slice(0, MAX_VALUES);
}
