import { q } from '../text/safe';
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { ProblemDraft } from '../problem';
import { layoutOf, type SectionSpan, type Span } from './layout';
import { parsePart, type Part } from './part';

import type { PathSegment } from '../value-path';

export type { PathSegment };

/** Where a path sits in the text. `value` is empty (start === end) for a key with no value. */
export interface Located {
  key?: Span;
  value: Span;
  /** False when only an ancestor of the path exists; the spans are then the ancestor's. */
  found: boolean;
}

interface Piece {
  part: Part;
  base: number;
}

/** A run of list items: `first` is the index of its first item in the whole list. */
interface RunPiece extends Piece {
  first: number;
}

interface Section {
  key: string;
  keySpan: Span;
  span: Span;
  /** The whole section, or only its header when the section is split into items. */
  head: Piece;
  items?: RunPiece[];
}

type Root = { kind: 'whole'; piece: Piece } | { kind: 'sections'; sections: Section[]; byKey: Map<string, Section> };

/**
 * A study annotation parsed once for one version of its text: the plain value, the syntax
 * problems and a way back from any path to its text range. Built by a `ParseCache`, which
 * reuses the pieces of the previous version that did not change.
 */
export class ParsedStudy {
  private constructor(
    readonly text: string,
    readonly value: unknown,
    readonly problems: readonly ProblemDraft[],
    /** False when the value could not be built safely (alias bomb); skip validation. */
    readonly usable: boolean,
    private readonly root: Root,
  ) {}

  /** True when sections were parsed on their own: an error in one cannot disturb the others. */
  get split(): boolean {
    return this.root.kind === 'sections';
  }

  static build(text: string, pieceOf: (text: string) => Part, split = true): ParsedStudy {
    const layout = split ? layoutOf(text) : null;
    // No top-level key at all (empty, comments only): nothing to split, and a whole parse says null.
    return (layout?.length ? ParsedStudy.fromSections(text, layout, pieceOf) : undefined) ?? ParsedStudy.whole(text, pieceOf);
  }

  private static whole(text: string, pieceOf: (text: string) => Part): ParsedStudy {
    const part = pieceOf(text);
    return new ParsedStudy(text, part.value, part.problems, !part.unusable, { kind: 'whole', piece: { part, base: 0 } });
  }

  /** Returns undefined when a piece does not parse to the shape the split assumed; the caller then parses whole. */
  private static fromSections(text: string, layout: SectionSpan[], pieceOf: (text: string) => Part): ParsedStudy | undefined {
    const problems: ProblemDraft[] = [];
    const value: Record<string, unknown> = {};
    const sections: Section[] = [];
    const byKey = new Map<string, Section>();
    const addProblems = (piece: Piece) => {
      for (const p of piece.part.problems) problems.push({ ...p, start: p.start + piece.base, end: p.end + piece.base });
    };
    for (const s of layout) {
      const headEnd = s.items ? (s.items[0] as Span).start : s.end;
      const head: Piece = { part: pieceOf(text.slice(s.start, headEnd)), base: s.start };
      const headValue = head.part.value as Record<string, unknown> | null;
      if (!headValue || typeof headValue !== 'object' || Object.keys(headValue).length !== 1 || !(s.key in headValue)) return undefined;
      addProblems(head);
      let sectionValue: unknown = headValue[s.key];
      let items: RunPiece[] | undefined;
      if (s.items) {
        items = [];
        const list: unknown[] = [];
        for (const run of s.items) {
          const piece: RunPiece = { part: pieceOf(text.slice(run.start, run.end)), base: run.start, first: list.length };
          const v = piece.part.value;
          if (!Array.isArray(v) || v.length !== run.count) return undefined;
          for (const item of v) list.push(item);
          items.push(piece);
          addProblems(piece);
        }
        sectionValue = list;
      }
      const section: Section = { key: s.key, keySpan: { start: s.start, end: s.start + s.key.length }, span: s, head, items };
      const earlier = byKey.get(s.key);
      if (earlier) {
        problems.push({
          code: 'yaml-duplicate-key',
          message: `The key ${q(s.key)} appears twice at the top level (first on an earlier line); keep one.`,
          start: section.keySpan.start,
          end: section.keySpan.end,
          data: { yamlCode: 'DUPLICATE_KEY', key: s.key },
        });
      }
      sections.push(section);
      byKey.set(s.key, section); // the last occurrence wins, as in a whole-file parse
      setOwn(value, s.key, sectionValue);
    }
    return new ParsedStudy(text, value, problems, true, { kind: 'sections', sections, byKey });
  }

  /** The text range of the node at `path` (object keys and array indexes, as in a JSON pointer). */
  locate(path: readonly PathSegment[]): Located {
    const root = this.root;
    if (root.kind === 'whole') {
      return walk(root.piece.part.root, path, root.piece.base, undefined, this.firstLine());
    }
    // The root mapping starts at its first key, after any leading comments, as in a whole parse.
    const first = root.sections[0];
    const all = first ? { start: first.span.start, end: this.text.length } : this.firstLine();
    if (path.length === 0) return { value: all, found: true };
    const section = root.byKey.get(String(path[0]));
    // A key the file lacks: the root mapping, as a whole parse says.
    if (!section) return { value: all, found: false };
    if (!section.items) return walk(section.head.part.root, path, section.head.base, undefined, this.firstLine());
    const items = section.items;
    const whole: Located = { key: section.keySpan, value: itemsSpan(items), found: true };
    if (path.length === 1) return whole;
    const index = Number(path[1]);
    const item = Number.isInteger(index) && index >= 0 ? runHolding(items, index) : undefined;
    if (!item) return { ...whole, found: false };
    const seq = item.part.root;
    const node = isSeq(seq) ? (seq.items[index - item.first] as Node | undefined) : undefined;
    if (!node) return { ...whole, found: false };
    const here = spanOf(node, item.base) ?? whole.value;
    if (path.length === 2) return { value: here, found: true };
    return walk(node, path.slice(2), item.base, undefined, here);
  }

  /** Top-level keys in text order, with their key ranges (for outline and cross-section checks). */
  topLevelKeys(): { key: string; span: Span }[] {
    const root = this.root;
    if (root.kind === 'sections') return root.sections.map((s) => ({ key: s.key, span: s.keySpan }));
    const contents = root.piece.part.root;
    if (!isMap(contents)) return [];
    return contents.items.flatMap((pair) => {
      const span = spanOf(pair.key as Node, 0);
      return span && isScalar(pair.key) ? [{ key: String(pair.key.value), span }] : [];
    });
  }

  private firstLine(): Span {
    const nl = this.text.indexOf('\n');
    return { start: 0, end: nl === -1 ? this.text.length : nl };
  }
}

function walk(node: unknown, path: readonly PathSegment[], base: number, key: Span | undefined, fallback: Span): Located {
  let current = node;
  let currentKey = key;
  let currentSpan = spanOf(current as Node, base) ?? fallback;
  for (const seg of path) {
    if (isMap(current)) {
      const pair = findPair(current.items as Pair[], String(seg));
      if (!pair) return { key: currentKey, value: currentSpan, found: false };
      currentKey = spanOf(pair.key as Node, base);
      current = pair.value;
      // A key with no value: an empty span right after the key.
      currentSpan = spanOf(current as Node, base) ?? { start: currentKey?.end ?? currentSpan.end, end: currentKey?.end ?? currentSpan.end };
    } else if (isSeq(current)) {
      const item = current.items[Number(seg)];
      if (item === undefined || !Number.isInteger(Number(seg))) return { key: currentKey, value: currentSpan, found: false };
      currentKey = undefined;
      current = item;
      currentSpan = spanOf(current as Node, base) ?? currentSpan;
    } else {
      return { key: currentKey, value: currentSpan, found: false };
    }
  }
  return { key: currentKey, value: currentSpan, found: true };
}

const pairIndexes = new WeakMap<object, Map<string, Pair>>();

/**
 * Last matching pair, as yaml's toJS lets the last duplicate win. Each mapping is indexed once,
 * on its first look-up: a scan per look-up made locating one problem per key of a 30,000-key
 * mapping quadratic (3 s).
 */
function findPair(items: Pair[], key: string): Pair | undefined {
  let index = pairIndexes.get(items);
  if (!index) {
    index = new Map();
    for (const pair of items) {
      const k = pair.key;
      index.set(isScalar(k) ? String(k.value) : String(k), pair);
    }
    pairIndexes.set(items, index);
  }
  return index.get(key);
}

function spanOf(node: Node | null | undefined, base: number): Span | undefined {
  const r = node?.range;
  return r ? { start: r[0] + base, end: r[1] + base } : undefined;
}

/** The run holding item `index` (runs are in order, so a binary search). */
function runHolding(runs: RunPiece[], index: number): RunPiece | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid] as RunPiece;
    if (index < run.first) hi = mid - 1;
    else if (mid + 1 < runs.length && index >= (runs[mid + 1] as RunPiece).first) lo = mid + 1;
    else return run;
  }
  return undefined;
}

function itemsSpan(items: Piece[]): Span {
  const first = items[0] as Piece;
  const last = items[items.length - 1] as Piece;
  const f = first.part.root?.range;
  const l = last.part.root?.range;
  return { start: (f?.[0] ?? 0) + first.base, end: (l?.[1] ?? 0) + last.base };
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // A hostile `__proto__:` key must become an own property, not a prototype change.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
