/**
 * Splits an annotation into independently parseable pieces, so an edit re-parses only the
 * piece it touched: one piece per top-level key and, for long block sequences (results,
 * endpoints, ...), one piece per list item.
 *
 * The split is only attempted where it is provably equivalent to parsing the whole file:
 * every line at column 0 is a plain `key:` line, a comment, or a `- ` item of the open section;
 * there are no document markers, directives, anchors or aliases. Otherwise `layoutOf` returns
 * null and the caller parses the whole text at once.
 */

export interface Span {
  start: number;
  end: number;
}

export interface SectionSpan extends Span {
  key: string;
  /** End of the header line (`key: ...`), without the line break. */
  headerEnd: number;
  /** The list items in runs, when the section is a long block sequence worth splitting. */
  items?: ItemRun[];
}

/** One or more consecutive list items parsed as one piece. */
export interface ItemRun extends Span {
  count: number;
}

/** Sections shorter than this many lines are parsed whole: splitting them saves nothing. */
const SPLIT_MIN_LINES = 40;

/**
 * A study has a dozen top-level keys. Far more (30,000 `kN: 1` lines took 3 s as a piece each,
 * since every piece costs a document of its own) is parsed whole.
 */
const MAX_SECTIONS = 200;

const KEY_LINE = /([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?=[ \t]|\r?\n|$)/y;
const ANCHOR_OR_ALIAS = /(?:^|[\s,[{])[&*][^\s,[\]{}]/m;

export function layoutOf(text: string): SectionSpan[] | null {
  if (ANCHOR_OR_ALIAS.test(text)) return null;
  const sections: SectionSpan[] = [];
  let current: SectionSpan | undefined;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const ch = text.charCodeAt(lineStart);
    if (ch === 0x20 /* space */ || ch === 0x0a || ch === 0x0d || ch === 0x09 /* tab */) {
      // Indented or blank: belongs to the open section. Content before any section is not a plain mapping.
      if (!current && !isBlankOrComment(text, lineStart, lineEnd)) return null;
    } else if (ch === 0x23 /* # */) {
      // A comment at column 0 belongs to whatever is open.
    } else if (ch === 0x2d /* - */ && current && /^-(?:[ \t\r\n]|$)/.test(text.slice(lineStart, lineStart + 2))) {
      // A zero-indented sequence item of the open section (`key:\n- item`).
    } else {
      KEY_LINE.lastIndex = lineStart;
      const m = KEY_LINE.exec(text);
      if (!m) return null; // '---', '%YAML', a flow continuation, a top-level list ...: parse whole
      if (current) current.end = lineStart;
      current = { key: m[1] as string, start: lineStart, end: text.length, headerEnd: trimCr(text, lineStart, lineEnd) };
      sections.push(current);
    }
    lineStart = lineEnd + 1;
  }
  if (sections.length > MAX_SECTIONS) return null;
  for (const s of sections) {
    const items = splitItems(text, s);
    if (items) s.items = runsOf(text, items);
  }
  return sections;
}

/** Items of a block sequence that is the section's value, or undefined when it is not one or is short. */
function splitItems(text: string, s: SectionSpan): Span[] | undefined {
  const header = text.slice(s.start, s.headerEnd);
  if (!/^[A-Za-z_][A-Za-z0-9_-]*[ \t]*:[ \t]*(?:#.*)?$/.test(header)) return undefined;
  let lines = 0;
  let indent = -1;
  const items: Span[] = [];
  let lineStart = s.headerEnd + 1;
  while (lineStart < s.end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > s.end) lineEnd = s.end;
    lines++;
    let i = lineStart;
    while (i < lineEnd && text.charCodeAt(i) === 0x20) i++;
    const ch = text.charCodeAt(i);
    if (i === lineEnd || ch === 0x0d || ch === 0x23 /* # */) {
      // blank or comment: continues the current item
    } else if (ch === 0x09) {
      return undefined; // tabs: let the whole-section parse report them
    } else {
      const col = i - lineStart;
      const isItem = ch === 0x2d && /^-(?:[ \t\r\n]|$)/.test(text.slice(i, i + 2));
      if (indent === -1) {
        if (!isItem) return undefined;
        indent = col;
      }
      if (col < indent) return undefined;
      if (col === indent) {
        if (!isItem) return undefined;
        const last = items[items.length - 1];
        if (last) last.end = lineStart;
        items.push({ start: lineStart, end: s.end });
      }
    }
    lineStart = lineEnd + 1;
  }
  return lines >= SPLIT_MIN_LINES && items.length > 1 ? items : undefined;
}

/** Runs of list items average about this many characters; a longer item is a run of its own. */
const RUN_CHARS = 512;

/**
 * Groups short list items into runs parsed as one piece. Each piece costs a document, a schema
 * and a composer however small it is: 100,000 one-line items took 9 s as pieces of one item.
 * An item of n characters ends its run with odds n / RUN_CHARS, decided by a hash of its first
 * line, so a run averages RUN_CHARS whatever the items' size, and whether an item ends a run
 * depends on that item's text alone: an edit moves at most the boundary of the item it
 * touches, and every other run is still reused from the cache.
 */
function runsOf(text: string, items: Span[]): ItemRun[] {
  const runs: ItemRun[] = [];
  let open: ItemRun | undefined;
  for (const item of items) {
    if (open) {
      open.end = item.end;
      open.count++;
    } else {
      open = { start: item.start, end: item.end, count: 1 };
      runs.push(open);
    }
    const spread = Math.floor(RUN_CHARS / (item.end - item.start));
    if (spread <= 1 || firstLineHash(text, item.start) % spread === 0) open = undefined;
  }
  return runs;
}

function firstLineHash(text: string, from: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < text.length && i < from + 80; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) break;
    h = Math.imul(h ^ c, 0x01000193) >>> 0;
  }
  return h;
}

function isBlankOrComment(text: string, from: number, to: number): boolean {
  const line = text.slice(from, to).trim();
  return line === '' || line.startsWith('#');
}

function trimCr(text: string, from: number, lineEnd: number): number {
  return lineEnd > from && text.charCodeAt(lineEnd - 1) === 0x0d ? lineEnd - 1 : lineEnd;
}
