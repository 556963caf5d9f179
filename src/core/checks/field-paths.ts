import { q } from '../text/safe';
import type { ProblemDraft } from '../problem';
import type { PathSegment } from '../yaml/parsed-study';
import type { Check } from './check';
import { list, rec } from './view';

/**
 * Resolves a dotted field path ('arms.secretome.interventions.0.dose') against the value.
 * A list step is an index or an item id. Returns the instance path, or undefined.
 */
export function resolveFieldPath(root: unknown, dotted: string): PathSegment[] | undefined {
  let v = root;
  const out: PathSegment[] = [];
  const segs = dotted.split('.');
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i] as string;
    if (Array.isArray(v)) {
      let idx = /^\d+$/.test(seg) ? Number(seg) : v.findIndex((x) => rec(x)?.id === seg);
      // ids may contain dots ('d1.5'): try joining following segments
      for (let j = i + 1; idx === -1 && j < segs.length; j++) {
        const joined = segs.slice(i, j + 1).join('.');
        idx = v.findIndex((x) => rec(x)?.id === joined);
        if (idx !== -1) i = j;
      }
      if (idx < 0 || idx >= v.length) return undefined;
      out.push(idx);
      v = v[idx];
    } else {
      const r = rec(v);
      if (!r || !Object.prototype.hasOwnProperty.call(r, seg)) return undefined;
      out.push(seg);
      v = r[seg];
    }
  }
  return out;
}

/** Evidence quotes and uncertainty notes must point at fields that exist, or an audit cannot follow them. */
export const fieldPathsCheck: Check = {
  name: 'field-paths',
  check(doc) {
    const out: ProblemDraft[] = [];
    const root = rec(doc.value);
    const entries: [PathSegment[], unknown][] = [
      ...list(root?.evidence).map((e, i): [PathSegment[], unknown] => [['evidence', i, 'field'], rec(e)?.field]),
      ...list(rec(root?.curation)?.uncertain).map((e, i): [PathSegment[], unknown] => [['curation', 'uncertain', i, 'field'], rec(e)?.field]),
      ...list(rec(root?.curation)?.acknowledged).map((e, i): [PathSegment[], unknown] => [['curation', 'acknowledged', i, 'field'], rec(e)?.field]),
    ];
    for (const [path, field] of entries) {
      if (typeof field !== 'string' || resolveFieldPath(doc.value, field)) continue;
      const span = doc.locate(path).value;
      out.push({
        code: 'field-path-unresolved',
        message: `${q(field)} does not point to a field in this file; use dots between keys and an id or index for list items (e.g. arms.placebo.interventions.0.dose).`,
        start: span.start,
        end: span.end,
        data: { field },
      });
    }
    return out;
  },
};
