import type { Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { COLON, CR, DASH, emptyScalar, ENDS_FLOW_SCALAR, HASH, INDICATORS, isBreak, isDigit, isLetter, LEAVE, NOT_NAMES, resolvePlain, setPlain, skipSpaces, SPACE } from './plain-scalars';
import { newMap, newPair, newScalar, newSeq } from './subset-nodes';
import { MAX_DEPTH } from './depth';
import { blockScalar } from './block-scalar';

/**
 * A fast parser for the plain subset of YAML that hand-written studies are made of: block
 * mappings with `snake_case` keys, block lists, one-line plain and quoted scalars, one-line flow
 * lists and mappings of those, `|` and `>` block scalars, comments and blank lines, with LF or
 * CRLF line ends. It builds the same nodes, ranges and values as the yaml library, which spends
 * most of a validation on its lexer, CST and composer (4.4 ms of 6.9 ms for a 240-line study):
 * this takes a fraction of that.
 *
 * Anything outside the subset (anchors, tags, escapes, multi-line plain or quoted scalars, tabs,
 * a CR without its LF, control characters, comments whose place the library folds into a range,
 * every error) returns undefined and the library parses the text. A differential property test
 * holds every accepted text to the library's nodes, ranges and values, and to its finding no
 * error.
 */

export interface PlainParse {
  readonly root: Node;
  readonly value: unknown;
  /** Keys already set in their mapping, in document order: the only problem the subset can hold. */
  readonly duplicateKeys: readonly { name: string; start: number; end: number }[];
}

/**
 * Collections nested deeper than this leave the subset, so the recursion here stays shallow
 * and depth.ts judges deep texts before the library parses them. Half of its limit: in the
 * subset its scan counts at most three levels more than there are collections.
 */
export const SUBSET_MAX_DEPTH = MAX_DEPTH / 2;

/**
 * What the subset leaves to the library: tab, a CR that does not end a line with its LF, other
 * controls, NEL, the Unicode line and paragraph separators, BOM. (CRLF ends a line as LF does.)
 */
const NOT_PLAIN_TEXT = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]|\r(?!\n)/;

export function parsePlainSubset(text: string): PlainParse | undefined {
  if (NOT_PLAIN_TEXT.test(text)) return undefined;
  try {
    return new SubsetParser(text).document();
  } catch (e) {
    if (e === LEAVE) return undefined;
    throw e;
  }
}

interface Built {
  node: Node;
  value: unknown;
  /** The node's range[2]: where the next node may begin. */
  end: number;
}

class SubsetParser {
  /** Start of the current line. */
  private line = 0;
  /** The deepest comment skipped by the last nextContent (-1: none). */
  private commentIndent = -1;
  /** Where the last nextContent stopped, and that line's indent. */
  private contentLine = -1;
  private contentIndent = -1;
  /** Collections open around the current position. */
  private depth = 0;
  private readonly duplicateKeys: { name: string; start: number; end: number }[] = [];

  constructor(private readonly text: string) {}

  document(): PlainParse {
    const indent = this.nextContent();
    if (indent < 0) throw LEAVE;
    const built = this.collection(indent, this.line + indent);
    if (this.nextContent() >= 0) throw LEAVE;
    return { root: built.node, value: built.value, duplicateKeys: this.duplicateKeys };
  }

  /**
   * Moves to the next line that holds content, skipping blank and comment lines, and returns its
   * indent (-1 at the end of the text). Records how deep the skipped comments were indented.
   */
  private nextContent(): number {
    const t = this.text;
    // Called again where it stopped (an inner collection ended there): the same comments lie before.
    if (this.line === this.contentLine) return this.contentIndent;
    this.commentIndent = -1;
    while (this.line < t.length) {
      let i = this.line;
      while (t.charCodeAt(i) === SPACE) i++;
      const c = t.charCodeAt(i);
      if (i < t.length && !isBreak(c) && c !== HASH) {
        this.contentLine = this.line;
        this.contentIndent = i - this.line;
        return this.contentIndent;
      }
      if (c === HASH) this.commentIndent = Math.max(this.commentIndent, i - this.line);
      this.line = this.afterLine(i);
    }
    this.contentLine = this.line;
    this.contentIndent = -1;
    return -1;
  }

  /** The offset after the newline that ends the line holding `i` (the text's length on the last line). */
  private afterLine(i: number): number {
    const nl = this.text.indexOf('\n', i);
    return nl === -1 ? this.text.length : nl + 1;
  }

  /** After a value's last line: the next line of the collection at `indent`, or false when the collection ends. */
  private continues(indent: number): boolean {
    const next = this.nextContent();
    // A comment deeper than the collection is folded into the last value's range by the library.
    if (this.commentIndent > indent) throw LEAVE;
    // A deeper line (a continuation or an indentation error) ends every collection, and the text is left in document().
    // Comments after the last item, as deep as an indented collection, are folded into its range.
    if (next < indent && indent > 0 && this.commentIndent >= indent) throw LEAVE;
    return next === indent;
  }

  private collection(indent: number, at: number): Built {
    if (this.seqStart(at)) return this.seq(indent, at);
    return this.map(indent, at);
  }

  private seqStart(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    const next = this.text.charCodeAt(at + 1);
    return at + 1 >= this.text.length || next === SPACE || isBreak(next);
  }

  /** One level deeper, or out of the subset past its depth. */
  private enter(): void {
    if (++this.depth > SUBSET_MAX_DEPTH) throw LEAVE;
  }

  /** Notes the key when its mapping already has one of that name: before its value, in document order. */
  private noteKey(value: Record<string, unknown>, key: { name: string; start: number; end: number }): void {
    if (Object.prototype.hasOwnProperty.call(value, key.name)) this.duplicateKeys.push({ name: key.name, start: key.start, end: key.end });
  }

  private map(indent: number, at: number): Built {
    this.enter();
    const map = newMap();
    const value: Record<string, unknown> = {};
    let p = at;
    let end = at;
    for (;;) {
      const key = this.key(p);
      this.noteKey(value, key);
      const built = this.valueAfter(key.end + 1, indent, false, false);
      map.items.push(newPair(key.node, built.node));
      setPlain(value, key.name, built.value);
      end = built.end;
      if (!this.continues(indent)) break;
      p = this.line + indent; // a list item here is not a key: key() leaves
    }
    map.range = [at, end, end];
    this.depth--;
    return { node: map, value, end };
  }

  private seq(indent: number, at: number): Built {
    this.enter();
    const seq = newSeq();
    const value: unknown[] = [];
    let p = at;
    let end = at;
    for (;;) {
      const built = this.valueAfter(p + 1, indent, true, this.commentIndent >= 0);
      seq.items.push(built.node);
      value.push(built.value);
      end = built.end;
      if (!this.continues(indent)) break;
      p = this.line + indent;
      if (!this.seqStart(p)) throw LEAVE; // a key at the list's own indent
    }
    seq.range = [at, end, end];
    this.depth--;
    return { node: seq, value, end };
  }

  /** A `snake_case` key at `p`, followed by `:` and a space or the line's end. */
  private key(p: number): { node: Scalar; name: string; start: number; end: number } {
    const t = this.text;
    let i = p;
    const first = t.charCodeAt(i);
    if (!(isLetter(first) || first === 0x5f)) throw LEAVE;
    i++;
    for (let c = t.charCodeAt(i); isLetter(c) || isDigit(c) || c === 0x5f; c = t.charCodeAt(++i));
    if (t.charCodeAt(i) !== COLON) throw LEAVE;
    const after = t.charCodeAt(i + 1);
    if (i + 1 < t.length && after !== SPACE && !isBreak(after)) throw LEAVE;
    const name = t.slice(p, i);
    if (NOT_NAMES.has(name)) throw LEAVE;
    const node = newScalar(name);
    node.range = [p, i, i];
    node.source = name;
    node.type = 'PLAIN';
    return { node, name, start: p, end: i };
  }

  /**
   * The value that starts after a key's colon or a list item's dash at `p`, in a collection at
   * `indent`: on the same line, or a collection on the lines below, or empty.
   */
  private valueAfter(p: number, indent: number, item: boolean, commented: boolean): Built {
    const t = this.text;
    let q = p;
    while (t.charCodeAt(q) === SPACE) q++;
    const c = t.charCodeAt(q);
    if (q >= t.length || isBreak(c) || c === HASH) {
      const below = this.afterLine(q);
      this.line = below;
      const next = this.nextContent();
      if (next > indent) return this.collection(next, this.line + next);
      // Comments after an empty value, or before an empty list item, can be folded into its range.
      if (commented || this.commentIndent >= 0) throw LEAVE;
      // An empty value sits where the text after the indicator ends; with a comment, it ends where the next line's content starts.
      let end = q;
      if (c === HASH) {
        if (next < 0 || this.line !== below) throw LEAVE; // the library's end then depends on what follows
        end = this.line + next;
      }
      return { node: emptyScalar(q, end), value: null, end };
    }
    if (item && this.looksLikeKey(q)) {
      const column = q - this.lineStartOf(q);
      return this.map(column, q);
    }
    let built: Built;
    if (c === 0x5b || c === 0x7b) built = this.flow(q);
    else if (c === 0x27 || c === 0x22) {
      const s = this.quoted(q);
      built = { node: s.node, value: s.node.value, end: 0 };
      this.lineTail(s.close);
    } else if (c === 0x7c || c === 0x3e) {
      const block = blockScalar(this.text, q, indent);
      this.line = block.end;
      return block;
    } else built = this.plainLine(q);
    built.end = this.afterLine(q);
    (built.node.range as [number, number, number])[2] = built.end;
    this.line = built.end;
    return built;
  }

  private lineStartOf(i: number): number {
    return this.text.lastIndexOf('\n', i - 1) + 1;
  }

  /** True when `key:` followed by a space or the line's end starts at `q` (key() checks the first character). */
  private looksLikeKey(q: number): boolean {
    const t = this.text;
    let i = q;
    for (let c = t.charCodeAt(i); isLetter(c) || isDigit(c) || c === 0x5f; c = t.charCodeAt(++i));
    if (t.charCodeAt(i) !== COLON) return false;
    const after = t.charCodeAt(i + 1);
    return i + 1 >= t.length || after === SPACE || isBreak(after);
  }

  /** After a closed value: only spaces, then a comment or the line's end. */
  private lineTail(from: number): void {
    const t = this.text;
    let i = from;
    while (t.charCodeAt(i) === SPACE) i++;
    const c = t.charCodeAt(i);
    if (i >= t.length || isBreak(c)) return;
    if (c === HASH && i > from) return;
    throw LEAVE;
  }

  /** A one-line plain scalar in block context, up to a comment or the line's end. */
  private plainLine(q: number): Built {
    const t = this.text;
    const first = t.charCodeAt(q);
    // `? x` and `: x` are indicators (left to the library even without the space); `-5` is a value, `- x` a list.
    if (INDICATORS.has(first) || first === 0x3f || first === COLON || this.seqStart(q)) throw LEAVE;
    let i = q;
    let valueEnd = q;
    for (; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (isBreak(c)) break;
      if (c === HASH && t.charCodeAt(i - 1) === SPACE) break;
      if (c === COLON) {
        const n = t.charCodeAt(i + 1);
        if (i + 1 >= t.length || n === SPACE || isBreak(n)) throw LEAVE; // a key on a value's line
      }
      if (c !== SPACE) valueEnd = i + 1;
    }
    const node = resolvePlain(t.slice(q, valueEnd), q, valueEnd, 0);
    return { node, value: node.value, end: 0 };
  }

  /** A quoted scalar on one line with no escapes; `close` is the offset after its closing quote. */
  private quoted(q: number): { node: Scalar; close: number } {
    const t = this.text;
    const quote = t[q] as string;
    const close = t.indexOf(quote, q + 1);
    const nl = t.indexOf('\n', q);
    if (close === -1 || (nl !== -1 && close > nl)) throw LEAVE;
    const content = t.slice(q + 1, close);
    // A doubled '' ends the value early here; what follows is then neither a line's end nor a separator, and the text is left.
    if (quote === '"' && content.includes('\\')) throw LEAVE;
    const node = newScalar(content);
    node.range = [q, close + 1, 0]; // the end is the caller's: a line's end or a separator
    node.source = content;
    node.type = quote === "'" ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
    return { node, close: close + 1 };
  }

  /** A flow list or mapping on one line, of plain or quoted scalars. */
  private flow(q: number): Built {
    const t = this.text;
    const isMap = t.charCodeAt(q) === 0x7b;
    const closer = isMap ? 0x7d : 0x5d;
    const node = isMap ? newMap() : newSeq();
    node.flow = true;
    const value: Record<string, unknown> | unknown[] = isMap ? {} : [];
    let i = skipSpaces(t, q + 1);
    if (t.charCodeAt(i) !== closer) {
      for (;;) {
        if (isMap) {
          const key = this.key(i);
          const v = this.flowScalar(skipSpaces(t, key.end + 1), closer);
          (node as YAMLMap).items.push(newPair(key.node, v.node));
          this.noteKey(value as Record<string, unknown>, key);
          setPlain(value as Record<string, unknown>, key.name, v.value);
          i = v.end;
        } else {
          const v = this.flowScalar(i, closer);
          (node as YAMLSeq).items.push(v.node);
          (value as unknown[]).push(v.value);
          i = v.end;
        }
        const c = t.charCodeAt(i);
        if (c === closer) break;
        if (c !== 0x2c) throw LEAVE;
        i = skipSpaces(t, i + 1); // after a trailing comma, the closer is no key or scalar: left below
      }
    }
    this.lineTail(i + 1);
    node.range = [q, i + 1, 0];
    return { node, value, end: 0 };
  }

  /** A scalar inside a flow collection; `end` is where the spaces after it stop. */
  private flowScalar(i: number, closer: number): Built {
    const t = this.text;
    const c = t.charCodeAt(i);
    if (c === 0x27 || c === 0x22) {
      const s = this.quoted(i);
      const end = skipSpaces(t, s.close);
      (s.node.range as [number, number, number])[2] = end;
      return { node: s.node, value: s.node.value, end };
    }
    // Indicators include the separator and both closers. `-` followed by a space, a separator or a closer is not a scalar.
    if (INDICATORS.has(c) || c === 0x3f || (c === DASH && ENDS_FLOW_SCALAR.has(t.charCodeAt(i + 1)))) throw LEAVE; // a colon leaves in the scan
    let j = i;
    let valueEnd = i;
    for (; j < t.length; j++) {
      const d = t.charCodeAt(j);
      if (d === 0x2c || d === 0x5d || d === 0x7d) break;
      // A line end, a comment, a key, a nested collection; at the end of the text, the missing closer leaves in flow().
      if (isBreak(d) || d === HASH || d === COLON || d === 0x5b || d === 0x7b) throw LEAVE;
      if (d !== SPACE) valueEnd = j + 1;
    }
    const node = resolvePlain(t.slice(i, valueEnd), i, valueEnd, j);
    return { node, value: node.value, end: j };
  }
}
