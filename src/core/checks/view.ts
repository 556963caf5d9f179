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

/** Items of a top-level list with their index, skipping non-mappings. */
export function items(root: unknown, key: string): { item: Rec; index: number }[] {
  return list(rec(root)?.[key]).flatMap((item, index) => {
    const r = rec(item);
    return r ? [{ item: r, index }] : [];
  });
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

/** All instance paths matching a pattern with '*' for list items. */
export function instancesOf(root: unknown, pattern: readonly string[]): PathSegment[][] {
  let frontier: { v: unknown; path: PathSegment[] }[] = [{ v: root, path: [] }];
  for (const seg of pattern) {
    const next: typeof frontier = [];
    for (const { v, path } of frontier) {
      if (seg === '*') list(v).forEach((x, i) => next.push({ v: x, path: [...path, i] }));
      else {
        const r = rec(v);
        if (r && Object.prototype.hasOwnProperty.call(r, seg)) next.push({ v: r[seg], path: [...path, seg] });
      }
    }
    frontier = next;
  }
  return frontier.map((f) => f.path);
}
