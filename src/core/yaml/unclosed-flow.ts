import type { ProblemDraft } from '../problem';

/**
 * A list or mapping opened in brackets (`allocation: [randomized`) and never closed: the parser
 * notices it a line later, as a line "not indented consistently", and reads the value as a list.
 * The curator needs the bracket. A syntax error on the line after an unclosed `[` or `{` that
 * starts a value is said at that bracket, so the section's other consequences fold into it.
 */
export function diagnoseUnclosedFlows(text: string, drafts: readonly ProblemDraft[]): ProblemDraft[] {
  return drafts.map((d) => (d.code === 'yaml-syntax' && d.data.yamlCode !== 'MISSING_CLOSING_QUOTE' ? (atOpener(text, d) ?? d) : d));
}

function atOpener(text: string, d: ProblemDraft): ProblemDraft | undefined {
  const lineStart = text.lastIndexOf('\n', d.start - 1) + 1;
  if (lineStart === 0) return undefined;
  // The nearest line above with content: blank and comment-only lines are skipped.
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim() && !line.trim().startsWith('#')) {
      const open = unmatchedOpener(line);
      if (open === undefined) return undefined;
      const bracket = line[open] as string;
      return {
        code: 'yaml-syntax',
        message: `This ${bracket === '[' ? 'list' : 'mapping'} opened with ${bracket} is never closed; add the closing ${bracket === '[' ? ']' : '}'} where it ends.`,
        start: start + open,
        end: start + open + 1,
        data: { yamlCode: 'MISSING_FLOW_CLOSE' },
      };
    }
    end = start - 1;
  }
  return undefined;
}

/**
 * The offset of the outermost `[` or `{` a line leaves open, where it starts a value (after a
 * key's colon, a list dash, or at the line's start); brackets inside quotes and comments, and
 * brackets in the middle of plain text, do not count.
 */
export function unmatchedOpener(line: string): number | undefined {
  const open: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    const before = line.slice(0, i).trimEnd();
    const startsValue = before === '' || /[:\-[{,]$/.test(before);
    if (c === '#' && (i === 0 || /\s/.test(line[i - 1] as string))) break;
    if ((c === '"' || c === "'") && startsValue) {
      const close = closingQuote(line, i);
      if (close === -1) return undefined; // an unclosed quote is the quote check's to say
      i = close;
    } else if ((c === '[' || c === '{') && (open.length || startsValue)) open.push(i);
    else if ((c === ']' || c === '}') && open.length) open.pop();
  }
  return open[0];
}

function closingQuote(line: string, at: number): number {
  const q = line[at];
  for (let i = at + 1; i < line.length; i++) {
    if (q === '"' && line[i] === '\\') i++;
    else if (line[i] === q) {
      if (q === "'" && line[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}
