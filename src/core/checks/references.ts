import type { ProblemDraft } from '../problem';
import { suggest } from '../schema/suggest';
import type { PathSegment } from '../yaml/parsed-study';
import type { Check } from './check';
import { items, list, rec, str } from './view';

type Kind = 'product' | 'arm' | 'endpoint' | 'timepoint';
const COLLECTION: Record<Kind, string> = { product: 'products', arm: 'arms', endpoint: 'endpoints', timepoint: 'timepoints' };

/** Every reference (results, interventions, endpoint timepoints, adverse events) names an existing id. */
export const referencesCheck: Check = {
  name: 'references',
  check(doc) {
    const ids = Object.fromEntries((Object.keys(COLLECTION) as Kind[]).map((k) => [k, idsOf(doc.value, COLLECTION[k])])) as Record<Kind, string[]>;
    const known = Object.fromEntries((Object.keys(ids) as Kind[]).map((k) => [k, new Set(ids[k])])) as Record<Kind, Set<string>>;
    const out: ProblemDraft[] = [];
    const ref = (kind: Kind, path: PathSegment[], value: unknown) => {
      const id = str(value);
      if (id === undefined || known[kind].has(id)) return;
      const span = doc.locate(path).value;
      const hint = suggest(id, ids[kind]);
      const list = ids[kind].length ? ` (${COLLECTION[kind]}: ${ids[kind].slice(0, 8).join(', ')})` : ` (no ${COLLECTION[kind]} are declared)`;
      out.push({
        code: 'ref-unresolved',
        message: `No ${kind} has the id \`${id}\`${hint ? `: did you mean \`${hint}\`?` : list}`,
        start: span.start,
        end: span.end,
        data: { kind, id, known: ids[kind], suggestion: hint ?? null },
      });
    };
    for (const { item, index } of items(doc.value, 'arms')) {
      list(item.interventions).forEach((iv, j) => ref('product', ['arms', index, 'interventions', j, 'product'], rec(iv)?.product));
    }
    for (const { item, index } of items(doc.value, 'endpoints')) {
      list(item.timepoints).forEach((tp, j) => ref('timepoint', ['endpoints', index, 'timepoints', j], tp));
    }
    const endpointTimepoints = new Map(items(doc.value, 'endpoints').map(({ item }) => [str(item.id), list(item.timepoints).map(str)]));
    for (const { item, index } of items(doc.value, 'results')) {
      ref('endpoint', ['results', index, 'endpoint'], item.endpoint);
      ref('arm', ['results', index, 'arm'], item.arm);
      ref('arm', ['results', index, 'comparator'], item.comparator);
      ref('timepoint', ['results', index, 'timepoint'], item.timepoint);
      const tp = str(item.timepoint);
      const assessed = endpointTimepoints.get(str(item.endpoint));
      if (tp && assessed && known.timepoint.has(tp) && !assessed.includes(tp)) {
        const span = doc.locate(['results', index, 'timepoint']).value;
        out.push({
          code: 'ref-timepoint-not-assessed',
          message: `Endpoint \`${str(item.endpoint)}\` is not assessed at \`${tp}\`; add it to the endpoint's timepoints or pick one of: ${assessed.join(', ') || 'none'}.`,
          start: span.start,
          end: span.end,
          data: { endpoint: str(item.endpoint) ?? null, timepoint: tp, assessed: assessed.filter((x): x is string => !!x) },
        });
      }
    }
    list(rec(rec(doc.value)?.safety)?.adverse_events).forEach((ae, j) => ref('arm', ['safety', 'adverse_events', j, 'arm'], rec(ae)?.arm));
    return out;
  },
};

/** Ids within one list are unique: references would be ambiguous otherwise. */
export const identifiersCheck: Check = {
  name: 'identifiers',
  check(doc) {
    const out: ProblemDraft[] = [];
    for (const collection of Object.values(COLLECTION)) {
      const seen = new Map<string, number>();
      for (const { item, index } of items(doc.value, collection)) {
        const id = str(item.id);
        if (id === undefined) continue;
        const first = seen.get(id);
        if (first === undefined) {
          seen.set(id, index);
          continue;
        }
        const span = doc.locate([collection, index, 'id']).value;
        out.push({
          code: 'id-duplicate',
          message: `The id \`${id}\` is already used by item ${first + 1} of \`${collection}\`; ids must be unique within a list.`,
          start: span.start,
          end: span.end,
          data: { collection, id, firstIndex: first },
        });
      }
    }
    return out;
  },
};

export function idsOf(root: unknown, collection: string): string[] {
  return items(root, collection).flatMap(({ item }) => (typeof item.id === 'string' ? [item.id] : []));
}

