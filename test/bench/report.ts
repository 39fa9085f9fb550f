/** Plain-text tables for the terminal. */

export function printTable(title: string, headers: string[], rows: string[][]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`\n${title}`);
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

/** A number with `digits` decimals, or a dash when there is none. */
export function num(value: number | undefined, digits = 0): string {
  if (value === undefined || !Number.isFinite(value)) return '-';
  return value.toFixed(digits);
}

export function percent(fraction: number): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(0)}%` : '-';
}

/** `ours / other` as a factor, or a dash when it means nothing. */
export function ratio(ours: number | undefined, other: number | undefined): string {
  if (ours === undefined || other === undefined || !Number.isFinite(ours) || !Number.isFinite(other))
    return '-';
  // a ratio to nothing, or to a delta lost in noise below zero, means nothing
  if (other <= 0 || ours < 0) return '-';
  return `${(ours / other).toFixed(2)}x`;
}

export function kib(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}
