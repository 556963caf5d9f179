import { cursorContext } from '../editor/cursor';
import type { ProblemDraft } from '../problem';
import { q } from '../text/safe';
import { parsePart } from './part';

/** A key line: its indentation, an optional dash, and the key (plain or quoted). */
const KEY_LINE = /^( *)(- +)?("[^"]*"|'[^']*'|[^\s#'"-][^:#]*?):(?:\s|$)/;

interface Line {
  start: number;
  text: string;
}

/** The text's lines, ended as VS Code ends them (CRLF, LF or a lone CR), without their ends. */
function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  const br = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = br.exec(text); m; m = br.exec(text)) {
    lines.push({ start, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  lines.push({ start, text: text.slice(start) });
  return lines;
}

const hasContent = (l: Line) => !!l.text.trim() && !l.text.trim().startsWith('#');

/**
 * A syntax error that comes from one key line indented to the wrong column ("label" typed at
 * the dash's column after Enter on "- id: t2") becomes one problem that says so, with the column
 * its siblings stand at. The error is reported at the misplaced line or on the line above it;
 * the diagnosis holds only if moving that one line to its siblings' column makes its top-level
 * section parse cleanly. Anything else keeps the parser's own problem.
 */
export function diagnoseIndentations(text: string, drafts: readonly ProblemDraft[]): ProblemDraft[] {
  const syntax = drafts.filter((d) => d.code === 'yaml-syntax');
  if (!syntax.length) return [...drafts];
  const lines = linesOf(text);
  // At most a few tries: each parses a section again, and past the first error of a section the
  // rest are dropped as its consequences anyway.
  const tried = new Map<ProblemDraft, ProblemDraft | undefined>(syntax.slice(0, MAX_TRIES).map((d) => [d, diagnoseIndentation(text, lines, d)]));
  return drafts.map((d) => tried.get(d) ?? d);
}

const MAX_TRIES = 8;

function diagnoseIndentation(text: string, lines: readonly Line[], problem: ProblemDraft): ProblemDraft | undefined {
  const at = lines.findIndex((l, i) => problem.start >= l.start && (i + 1 === lines.length || problem.start < (lines[i + 1] as Line).start));
  if (at < 0) return undefined;
  const next = lines.findIndex((l, i) => i > at && hasContent(l));
  for (const i of next > 0 ? [at, next] : [at]) {
    const line = lines[i] as Line;
    const m = KEY_LINE.exec(line.text);
    let p = i - 1;
    while (p >= 0 && !hasContent(lines[p] as Line)) p--;
    const prev = lines[p];
    const pm = prev && KEY_LINE.exec(prev.text);
    if (!m || !prev || !pm || m[2]) continue;
    const found = (m[1] as string).length;
    const siblings = (pm[1] as string).length + (pm[2]?.length ?? 0);
    // Under a key that opens a block, the line would be that block's first key: no sibling column to name.
    if (/:\s*(#.*)?$/.test(prev.text) || found === siblings || found === 0) continue;
    if (!parsesWhenMoved(text, lines, i, found, siblings)) continue;
    const key = (m[3] as string).replace(/^["']|["']$/g, '');
    return {
      code: 'yaml-indentation',
      message: `${q(key)} is indented ${found} ${found === 1 ? 'space' : 'spaces'}; ${where(text, prev.start + siblings)} its siblings are at ${siblings}.`,
      start: line.start,
      end: line.start + found + (m[3] as string).length,
      data: { key, found, expected: siblings },
    };
  }
  return undefined;
}

/** 'in this arm', 'in `design`', or 'at the top level': the mapping the line's siblings belong to. */
function where(text: string, siblingKey: number): string {
  const path = cursorContext(text, siblingKey)?.path ?? [];
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const list = String(path[path.length - 2] ?? 'list');
    return `in this ${list.replace(/ies$/, 'y').replace(/s$/, '')}`;
  }
  return last === undefined ? 'at the top level' : `in ${q(String(last))}`;
}

/** True when the top-level section holding line `i` parses without error once that line is indented by `to`. */
function parsesWhenMoved(text: string, lines: readonly Line[], i: number, from: number, to: number): boolean {
  let first = i;
  while (first > 0 && !(hasContent(lines[first] as Line) && /^\S/.test((lines[first] as Line).text))) first--;
  let after = i + 1;
  while (after < lines.length && !(hasContent(lines[after] as Line) && /^\S/.test((lines[after] as Line).text))) after++;
  const line = lines[i] as Line;
  const start = (lines[first] as Line).start;
  const end = after < lines.length ? (lines[after] as Line).start : text.length;
  const moved = text.slice(start, line.start) + ' '.repeat(to) + text.slice(line.start + from, end);
  return parsePart(moved).problems.length === 0;
}
