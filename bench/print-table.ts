// Plain-text tables and the small statistics the benchmark scripts print.

function pad(text: string, width: number, left: boolean): string {
  if (text.length >= width) return text;
  const fill = " ".repeat(width - text.length);
  return left ? fill + text : text + fill;
}

/** Prints rows as aligned columns under a ruled header: the first `textColumns` left-aligned, the rest right. */
export function printTable(rows: string[][], textColumns = 1): void {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? "").length))) ?? [];
  rows.forEach((row, index) => {
    console.log(row.map((cell, col) => pad(cell, widths[col] ?? 0, col >= textColumns)).join("  "));
    if (index === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  });
}

/** The middle value (the upper one of an even count); 0 for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
