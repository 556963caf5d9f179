import { clipValue, q } from '../text/safe';
import type { ProblemDraft } from '../problem';
import { referencePaths } from '../schema/schema';
import { suggest } from '../schema/suggest';
import { toPointer, valueAt } from '../value-path';
import type { ParsedStudy } from '../yaml/parsed-study';
import type { Check } from './check';
import { instancesOf, items, list, str } from './view';

/** The lists that references point into: their ids must be unique. */
function referencedCollections(): string[] {
  return [...new Set(referencePaths().map((s) => s.collection))];
}

/** Every reference (interventions, endpoint timepoints, results, adverse events) names an existing id. */
export const referencesCheck: Check = {
  name: 'references',
  check(doc) {
    const ids = new Map(referencedCollections().map((c) => [c, idsOf(doc.value, c)]));
    const known = new Map([...ids].map(([c, list]) => [c, new Set(list)]));
    const out: ProblemDraft[] = [];
    for (const { path: pattern, collection } of referencePaths()) {
      const declared = ids.get(collection) ?? [];
      for (const path of instancesOf(doc.value, pattern)) {
        const id = str(valueAt(doc.value, path));
        if (id === undefined || known.get(collection)?.has(id)) continue;
        const kind = collection.replace(/s$/, '');
        const span = doc.locate(path).value;
        const hint = suggest(id, declared);
        const listed = declared.length ? ` (${collection}: ${declared.slice(0, 8).map((d) => clipValue(d)).join(', ')})` : ` (no ${collection} are declared)`;
        out.push({
          code: 'ref-unresolved',
          message: `No ${kind} has the id ${q(id)}${hint ? `: did you mean ${q(hint)}?` : listed}`,
          start: span.start,
          end: span.end,
          data: { kind, id, known: declared, suggestion: hint ?? null, pointer: toPointer(path) },
        });
      }
    }
    out.push(...notAssessed(doc, known.get('timepoints') ?? new Set()));
    return out;
  },
};

/** A result at a declared timepoint that its endpoint does not assess (an unknown timepoint is ref-unresolved instead). */
function notAssessed(doc: ParsedStudy, timepoints: ReadonlySet<string>): ProblemDraft[] {
  const out: ProblemDraft[] = [];
  const endpointTimepoints = new Map(items(doc.value, 'endpoints').map(({ item }) => [str(item.id), list(item.timepoints).map(str)]));
  for (const { item, index } of items(doc.value, 'results')) {
    const tp = str(item.timepoint);
    const assessed = endpointTimepoints.get(str(item.endpoint));
    if (!tp || !assessed || !timepoints.has(tp) || assessed.includes(tp)) continue;
    const span = doc.locate(['results', index, 'timepoint']).value;
    out.push({
      code: 'ref-timepoint-not-assessed',
      message: `Endpoint ${q(str(item.endpoint))} is not assessed at ${q(tp)}; add it to the endpoint's timepoints or pick one of: ${assessed.flatMap((a) => (a === undefined ? [] : [clipValue(a)])).join(', ') || 'none'}.`,
      start: span.start,
      end: span.end,
      data: { endpoint: str(item.endpoint) ?? null, timepoint: tp, assessed: assessed.filter((x): x is string => !!x) },
    });
  }
  return out;
}

/** Ids within one list are unique: references would be ambiguous otherwise. */
export const identifiersCheck: Check = {
  name: 'identifiers',
  check(doc) {
    const out: ProblemDraft[] = [];
    for (const collection of referencedCollections()) {
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
          message: `The id ${q(id)} is already used by item ${first + 1} of \`${collection}\`; ids must be unique within a list.`,
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

