import { list, rec, str } from '../checks/view';
import { resolveFieldPath } from '../checks/field-paths';
import type { Source } from '../compare/types';
import { valueAt, type PathSegment } from '../value-path';
import { matchItems, renamed, type Renames } from './match';
import type { Difference, FieldOutcome, SideValue, StudyDiff } from './types';
import { isLongQuantity, normalText, sameLeaf, show } from './values';

/** One extraction as the diff reads it: the plain value and where its paths are. */
export interface DiffSide {
  study: Record<string, unknown>;
  at: (path: readonly PathSegment[]) => Source | undefined;
}

/** Sections that are about the file, not the study: who curated it and the quotes (shown beside the values). */
const NOT_COMPARED = new Set(['curation', 'evidence']);
/** Lists whose item ids other fields refer to, in the order their renames are needed. */
const NAMED_LISTS = ['products', 'timepoints', 'arms', 'endpoints'];
/** The categorical fields kappa is computed over (list items as '*'). */
export const CATEGORICAL = new Set(['study.type', 'design.allocation', 'design.masking.level', 'arms.*.interventions.*.route', 'arms.*.interventions.*.routes', 'results.*.direction', 'results.*.significant']);

interface Where {
  left: PathSegment[];
  right: PathSegment[];
  /** Dotted id segments: keys, and list items by id (the left's name where both have the item). */
  id: string[];
  /** The same path as read: list items without an id named by what they are ('c3 · secretome · d43'). */
  label: string[];
  /** Keys with list items as '*': what decides whether a field is categorical. */
  pattern: string[];
  key: string;
}

/** The quote behind a path: the deepest `evidence` entry whose field holds it, else the nearest `as_reported` above it. */
interface Quote {
  quote: string;
  location?: string;
  evidence: boolean;
}

function quotesOf(study: Record<string, unknown>): (path: readonly PathSegment[]) => Quote | undefined {
  const evidence = list(study.evidence).flatMap((e) => {
    const quote = str(rec(e)?.quote);
    const field = str(rec(e)?.field);
    const path = field && quote ? resolveFieldPath(study, field) : undefined;
    return path && quote ? [{ path, quote, location: str(rec(e)?.location) }] : [];
  });
  return (path) => {
    let best: (typeof evidence)[number] | undefined;
    for (const e of evidence) if (e.path.length <= path.length && e.path.every((s, i) => s === path[i]) && (!best || e.path.length > best.path.length)) best = e;
    if (best) return best.location ? { quote: best.quote, location: best.location, evidence: true } : { quote: best.quote, evidence: true };
    for (let k = path.length; k >= 1; k--) {
      const said = str(rec(valueAt(study, path.slice(0, k)))?.as_reported);
      if (said) return { quote: said, evidence: false };
    }
    return undefined;
  };
}

/**
 * The field-level differences of two extractions of one study, and every field compared.
 * List items are matched by id and, where the ids differ, by what they are; quantities compare
 * by value after unit conversion, text after normalising whitespace and case.
 */
export function diffStudies(left: DiffSide, right: DiffSide): StudyDiff {
  const renames: Renames = {};
  for (const key of NAMED_LISTS) renames[key] = matchItems(key, list(left.study[key]), list(right.study[key]), renames).renames;
  const quoteL = quotesOf(left.study);
  const quoteR = quotesOf(right.study);
  const differences: Difference[] = [];
  const fields: FieldOutcome[] = [];
  const side = (s: DiffSide, quote: typeof quoteL, path: PathSegment[], v: unknown): SideValue | undefined => {
    if (v === undefined) return undefined;
    const out: SideValue = { text: show(v), path };
    const source = s.at(path);
    const q = quote(path);
    if (source) out.source = source;
    if (q) {
      out.quote = q.quote;
      if (q.evidence) out.evidence = true;
      if (q.location) out.location = q.location;
    }
    return out;
  };

  const record = (w: Where, l: unknown, r: unknown, agree: boolean, target?: Difference['target']) => {
    const id = w.id.join('.');
    const section = String(w.id[0]);
    const pattern = w.pattern.join('.');
    const outcome: FieldOutcome = { id, section, agree };
    const categorical = CATEGORICAL.has(pattern);
    if (categorical) outcome.categories = [category(l), category(r)];
    fields.push(outcome);
    if (agree) return;
    const d: Difference = { id, section, label: w.label.join(' › '), categorical };
    const lv = side(left, quoteL, w.left, l);
    const rv = side(right, quoteR, w.right, r);
    if (lv) d.left = lv;
    if (rv) d.right = rv;
    if (target) d.target = target;
    differences.push(d);
  };

  const walk = (l: unknown, r: unknown, w: Where): void => {
    if (l === undefined && r === undefined) return;
    if (l === undefined || r === undefined) return record(w, l, r, false, l === undefined ? { path: w.left, append: false } : undefined);
    const lm = rec(l);
    const rm = rec(r);
    if (lm && rm && !isLongQuantity(l) && !isLongQuantity(r)) return walkMapping(lm, rm, w);
    if (Array.isArray(l) && Array.isArray(r) && (l.some((x) => rec(x)) || r.some((x) => rec(x)))) return walkItems(l, r, w);
    // A reference compares in the left's names: an arm renamed by the other curator is the same arm.
    record(w, l, r, sameLeaf(l, renamed(renames, w.key, r)));
  };

  const walkMapping = (l: Record<string, unknown>, r: Record<string, unknown>, w: Where, skipId = false) => {
    const keys = [...Object.keys(l), ...Object.keys(r).filter((k) => !(k in l))];
    for (const k of keys) {
      if (k === 'as_reported' || (skipId && k === 'id') || (!w.id.length && NOT_COMPARED.has(k))) continue;
      walk(l[k], r[k], { left: [...w.left, k], right: [...w.right, k], id: [...w.id, k], label: [...w.label, k], pattern: [...w.pattern, k], key: k });
    }
  };

  const walkItems = (l: unknown[], r: unknown[], w: Where) => {
    const m = matchItems(w.key, l, r, renames);
    const name = (v: unknown, i: number) => str(rec(v)?.id) ?? String(i);
    const at = (i: number, j: number, id: string, item: unknown): Where => ({ left: [...w.left, i], right: [...w.right, j], id: [...w.id, id], label: [...w.label, labelOf(item, id)], pattern: [...w.pattern, '*'], key: w.key });
    // In the left file's order, an item only the left has in its place; the right's own items after.
    const partner = new Map(m.pairs);
    l.forEach((a, i) => {
      const j = partner.get(i);
      if (j === undefined) return record(at(i, -1, name(a, i), a), a, undefined, false);
      const b = r[j];
      const here = at(i, j, name(a, i), a);
      if (rec(a) && rec(b)) walkMapping(rec(a) as Record<string, unknown>, rec(b) as Record<string, unknown>, here, true);
      else walk(a, b, here);
    });
    for (const j of m.onlyRight) {
      const id = str(rec(r[j])?.id) ?? `right-${j}`;
      record({ ...at(-1, j, id, r[j]), left: [...w.left] }, undefined, r[j], false, { path: [...w.left], append: true });
    }
  };

  walkMapping(left.study, right.study, { left: [], right: [], id: [], label: [], pattern: [], key: '' });
  return { differences, fields, renames };
}

/** A list item as a curator names it: its id, else what it is about (a result: endpoint · arm · vs comparator · timepoint). */
function labelOf(item: unknown, id: string): string {
  const r = rec(item);
  if (!r || str(r.id) !== undefined) return id;
  const about = [str(r.endpoint), str(r.arm), str(r.comparator) && `vs ${str(r.comparator)}`, str(r.timepoint)].filter(Boolean);
  return about.length ? about.join(' · ') : /^\d+$/.test(id) ? `item ${Number(id) + 1}` : id;
}

function category(v: unknown): string {
  if (v === undefined || v === null) return '(none)';
  return Array.isArray(v) ? v.map((x) => normalText(show(x))).sort().join(', ') : normalText(show(v));
}
