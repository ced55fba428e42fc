/** Where each line of a text starts, and the (0-based) row of any character index, by binary search. */
export function indexLines(content: string): { lineStarts: number[]; rowOf: (index: number) => number } {
  const lineStarts = [0];
  for (let i = content.indexOf("\n"); i !== -1; i = content.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const rowOf = (index: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= index) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  return { lineStarts, rowOf };
}
