import { list, rec, str } from '../checks/view';
import { isScalar, normalText, sameLeaf } from './values';

/** Right ids renamed to the left's, per list ('arms': {ucmsc: 'secretome'}). */
export type Renames = Record<string, Record<string, string>>;

/** Which list a reference field names. */
export const REFERENCE_LISTS: Record<string, string> = { product: 'products', arm: 'arms', comparator: 'arms', endpoint: 'endpoints', timepoint: 'timepoints', timepoints: 'timepoints' };

/** A right value of a reference field, in the left's names. */
export function renamed(renames: Renames, key: string, v: unknown): unknown {
  const target = REFERENCE_LISTS[key];
  const map = target ? renames[target] : undefined;
  if (!map) return v;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? (map[x] ?? x) : x));
  return typeof v === 'string' ? (map[v] ?? v) : v;
}

type Features = (item: Record<string, unknown>, side: 'left' | 'right') => Record<string, unknown>;

const first = (v: unknown) => rec(list(v)[0]);

/**
 * What makes two items the same thing when their ids differ: an arm with the same role and
 * dose is the same arm whatever each curator called it. A result is the same result when it is
 * of the same endpoint and arm (and comparator, timepoint and statistic where both say).
 */
function featuresOf(key: string, renames: Renames): Features | undefined {
  const ref = (side: 'left' | 'right', k: string, v: unknown) => (side === 'right' ? renamed(renames, k, v) : v);
  switch (key) {
    case 'arms':
      return (a, side) => ({ role: a.role, dose: first(a.interventions)?.dose, product: ref(side, 'product', first(a.interventions)?.product) });
    case 'products':
      return (p) => ({ kind: p.kind, tissue: rec(p.source)?.tissue });
    case 'endpoints':
      return (e) => (e.instrument ?? e.analyte ? { measure: e.instrument ?? e.analyte } : { name: e.name });
    case 'timepoints':
      return (t) => (t.at !== undefined ? { at: t.at } : { label: t.label });
    case 'results':
      return (r, side) => Object.fromEntries(['endpoint', 'arm', 'comparator', 'timepoint', 'statistic'].map((k) => [k, ref(side, k, r[k])]));
    case 'adverse_events':
      return (e) => ({ category: e.category });
    case 'conditions':
      return (c) => ({ name: c.name });
    default:
      return undefined;
  }
}

/** The features agree where both sides give them, and both give at least one. */
function sameThing(l: Record<string, unknown>, r: Record<string, unknown>): boolean {
  let shared = 0;
  for (const k of Object.keys(l)) {
    if (l[k] === undefined || r[k] === undefined) continue;
    if (!sameLeaf(l[k], r[k])) return false;
    shared++;
  }
  return shared > 0;
}

/** The share of an item's scalar fields that agree: breaks ties, and matches items of lists with no features. */
function likeness(l: Record<string, unknown>, r: Record<string, unknown>): number {
  const keys = new Set([...Object.keys(l), ...Object.keys(r)].filter((k) => k !== 'id' && k !== 'as_reported' && (isScalar(l[k]) || isScalar(r[k]))));
  if (!keys.size) return 0;
  let same = 0;
  for (const k of keys) if (l[k] !== undefined && r[k] !== undefined && sameLeaf(l[k], r[k])) same++;
  return same / keys.size;
}

export interface Matching {
  /** Left index and right index of each matched item. */
  pairs: [number, number][];
  /** Right items matched to none on the left. */
  onlyRight: number[];
  /** Right id → left id, for items matched by content under different ids. */
  renames: Record<string, string>;
}

/**
 * Pairs the items of two lists: by id first, then by what the items are (featuresOf), then,
 * in lists without features, by likeness above one half. Right items left over are the right's
 * own; a left item in no pair is the left's.
 */
export function matchItems(key: string, left: readonly unknown[], right: readonly unknown[], renames: Renames): Matching {
  const l = left.map((x) => rec(x));
  const r = right.map((x) => rec(x));
  const pairs: [number, number][] = [];
  const usedL = new Set<number>();
  const usedR = new Set<number>();
  const take = (i: number, j: number) => (pairs.push([i, j]), usedL.add(i), usedR.add(j));
  const idOf = (x: Record<string, unknown> | undefined) => (x && str(x.id) !== undefined ? normalText(x.id) : undefined);
  const byId = new Map<string, number>();
  r.forEach((x, j) => {
    const id = idOf(x);
    if (id !== undefined && !byId.has(id)) byId.set(id, j);
  });
  l.forEach((x, i) => {
    const j = byId.get(idOf(x) ?? '\u0000');
    if (j !== undefined && !usedR.has(j)) take(i, j);
  });
  const features = featuresOf(key, renames);
  const out: Record<string, string> = {};
  const candidates: { i: number; j: number; score: number }[] = [];
  l.forEach((x, i) => {
    if (!x || usedL.has(i)) return;
    r.forEach((y, j) => {
      if (!y || usedR.has(j)) return;
      // Two items that both have ids and are not the same by id are matched only by their features.
      const ok = features ? sameThing(features(x, 'left'), features(y, 'right')) : likeness(x, y) > 0.5;
      if (ok) candidates.push({ i, j, score: likeness(x, y) });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
  for (const c of candidates) {
    if (usedL.has(c.i) || usedR.has(c.j)) continue;
    take(c.i, c.j);
    const li = str(l[c.i]?.id);
    const rj = str(r[c.j]?.id);
    if (li !== undefined && rj !== undefined) out[rj] = li;
  }
  return {
    pairs,
    onlyRight: right.map((_, j) => j).filter((j) => !usedR.has(j)),
    renames: out,
  };
}
