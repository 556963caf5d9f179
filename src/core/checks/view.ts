import type { PathSegment } from '../value-path';

/** Tolerant readers over the plain value: checks run on documents the schema may have rejected. */
export type Rec = Record<string, unknown>;

export function rec(v: unknown): Rec | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : undefined;
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** Items of a top-level list with their index, skipping non-mappings. (A plain loop: checks call this hundreds of times per file.) */
export function items(root: unknown, key: string): { item: Rec; index: number }[] {
  const out: { item: Rec; index: number }[] = [];
  const all = list(rec(root)?.[key]);
  for (let index = 0; index < all.length; index++) {
    const item = rec(all[index]);
    if (item) out.push({ item, index });
  }
  return out;
}

/** Reads '~58' as 58; integers as themselves. */
export function countValue(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  const m = typeof v === 'string' ? /^~\s*(\d+)$/.exec(v) : null;
  return m ? Number(m[1]) : undefined;
}


export function studyField(root: unknown, field: string): string | undefined {
  return str(rec(rec(root)?.study)?.[field]);
}

/** All instance paths matching a pattern with '*' for list items, in document order. */
export function instancesOf(root: unknown, pattern: readonly string[]): PathSegment[][] {
  const out: PathSegment[][] = [];
  const path: PathSegment[] = []; // one path, extended and shortened as the walk goes: a copy per match only
  const visit = (v: unknown, at: number): void => {
    if (at === pattern.length) {
      out.push(path.slice());
      return;
    }
    const seg = pattern[at] as string;
    if (seg === '*') {
      const all = list(v);
      for (let i = 0; i < all.length; i++) {
        path.push(i);
        visit(all[i], at + 1);
        path.pop();
      }
      return;
    }
    const r = rec(v);
    if (!r || !Object.prototype.hasOwnProperty.call(r, seg)) return;
    path.push(seg);
    visit(r[seg], at + 1);
    path.pop();
  };
  visit(root, 0);
  return out;
}
