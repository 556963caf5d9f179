import { LineIndex, type TextEdit } from '../core';

const CONTEXT = 3;

/**
 * A unified diff of `text` and the text with `edits` applied (offsets into `text`, not
 * overlapping). Built from the edits themselves, so it is exact and linear in the file's
 * length, however many places a fix touches: no general diff algorithm is needed.
 */
export function unifiedDiff(name: string, text: string, edits: readonly TextEdit[]): string {
  if (!edits.length) return '';
  const lines = new LineIndex(text);
  const lineOf = (offset: number) => lines.position(offset).line - 1; // 0-based
  const lineEnd = (i: number) => (i + 1 < lines.lineCount ? lines.lineStart(i + 1) : text.length);
  // Changes: runs of whole old lines and what they become.
  const changes: { from: number; to: number; edits: TextEdit[] }[] = [];
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    const from = lineOf(e.start);
    const to = lineOf(e.end > e.start ? e.end - 1 : e.start); // the lines holding the characters replaced
    const last = changes[changes.length - 1];
    if (last && from <= last.to) {
      last.to = Math.max(last.to, to);
      last.edits.push(e);
    } else changes.push({ from, to, edits: [e] });
  }
  const split = (s: string) => (s === '' ? [] : s.replace(/\n$/, '').split('\n'));
  const oldLines = split(text);
  const out = [`--- a/${name}`, `+++ b/${name}`];
  let delta = 0; // new line numbers run ahead of old ones by this much
  for (let i = 0; i < changes.length; ) {
    // A hunk: changes whose context overlaps, with CONTEXT lines either side.
    let j = i;
    while (j + 1 < changes.length && (changes[j + 1]?.from as number) - (changes[j]?.to as number) <= 2 * CONTEXT + 1) j++;
    const first = changes[i] as (typeof changes)[number];
    const start = Math.max(0, first.from - CONTEXT);
    const body: string[] = [];
    let oldCount = 0;
    let newCount = 0;
    let at = start;
    const hunkDelta = delta;
    for (let k = i; k <= j; k++) {
      const c = changes[k] as (typeof changes)[number];
      for (; at < c.from; at++, oldCount++, newCount++) body.push(` ${oldLines[at] ?? ''}`);
      const segStart = lines.lineStart(c.from);
      let seg = text.slice(segStart, lineEnd(c.to));
      for (const e of [...c.edits].sort((a, b) => b.start - a.start)) seg = seg.slice(0, e.start - segStart) + e.newText + seg.slice(e.end - segStart);
      const before = oldLines.slice(c.from, c.to + 1);
      const after = split(seg);
      for (const l of before) body.push(`-${l}`);
      for (const l of after) body.push(`+${l}`);
      oldCount += before.length;
      newCount += after.length;
      delta += after.length - before.length;
      at = c.to + 1;
    }
    const end = Math.min(oldLines.length, at + CONTEXT);
    for (; at < end; at++, oldCount++, newCount++) body.push(` ${oldLines[at] ?? ''}`);
    out.push(`@@ -${start + 1},${oldCount} +${start + 1 + hunkDelta},${newCount} @@`, ...body);
    i = j + 1;
  }
  return `${out.join('\n')}\n`;
}
