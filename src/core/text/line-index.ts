/**
 * Converts offsets to 1-based line and column (UTF-16 units). Lines end at \n; a \r before it
 * is part of the line. Lone CRs are LFs by now (prepareText), so lines are VS Code's lines.
 */
export class LineIndex {
  private readonly starts: number[];

  constructor(text: string) {
    const starts = [0];
    let at = text.indexOf('\n');
    while (at !== -1) {
      starts.push(at + 1);
      at = text.indexOf('\n', at + 1);
    }
    this.starts = starts;
  }

  position(offset: number): { line: number; column: number } {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  }

  /** The offset where 0-based line `index` starts (the text's end past the last line). */
  lineStart(index: number): number {
    return this.starts[index] ?? this.starts[this.starts.length - 1] ?? 0;
  }

  /** How many lines the text has. */
  get lineCount(): number {
    return this.starts.length;
  }
}
