import type { Scalar } from 'yaml';
import { CR, DASH, isBreak, LEAVE, NL, SPACE } from './plain-scalars';
import { newScalar } from './subset-nodes';

/** A `|` or `>` scalar (clip or strip), every line at one indent, none more indented. */
export function blockScalar(t: string, q: number, indent: number): { node: Scalar; value: string; end: number } {
  const folded = t.charCodeAt(q) === 0x3e;
  let i = q + 1;
  const strip = t.charCodeAt(i) === DASH;
  if (strip) i++;
  while (t.charCodeAt(i) === SPACE) i++;
  if (t.charCodeAt(i) === CR) i++;
  if (t.charCodeAt(i) !== NL) throw LEAVE; // +, an indent digit, a comment, text or the end of the text
  let line = i + 1;
  let contentIndent = -1;
  let out = '';
  let blanks = 0;
  let any = false;
  let end = line;
  while (line < t.length) {
    let j = line;
    while (t.charCodeAt(j) === SPACE) j++;
    const nl = t.indexOf('\n', j);
    if (j >= t.length || isBreak(t.charCodeAt(j))) {
      if (!any || j - line > contentIndent) throw LEAVE; // leading or deeper blank lines
      blanks++;
      line = nl === -1 ? t.length : nl + 1;
      continue;
    }
    const lineIndent = j - line;
    if (contentIndent < 0) {
      if (lineIndent <= indent) throw LEAVE; // an empty block scalar
      contentIndent = lineIndent;
    }
    if (lineIndent < contentIndent) break;
    if (lineIndent > contentIndent || nl === -1) throw LEAVE;
    const content = t.slice(j, t.charCodeAt(nl - 1) === CR ? nl - 1 : nl);
    if (any) out += folded ? (blanks ? '\n'.repeat(blanks) : ' ') : '\n'.repeat(blanks + 1);
    out += content;
    any = true;
    blanks = 0;
    line = nl + 1;
    end = line;
  }
  if (!any) throw LEAVE;
  if (!strip) out += '\n';
  const node = newScalar(out);
  node.range = [q, end, end];
  node.source = out;
  node.type = folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
  return { node, value: out, end };
}
