import { items, list, rec, str } from '../checks/view';
import type { Problem } from '../problem';
import { deref, schemaAt } from '../schema/schema';
import type { ParsedStudy } from '../yaml/parsed-study';
import type { QuickFix, TextEdit } from './fixes';
import { addKey, appendItem, appendItems, lit, yamlValue, type Entry } from './insert';

/**
 * Fixes that insert what a problem says is missing, as snippets whose placeholders the curator
 * types over (the first is selected): result skeletons for an endpoint with none, a declaration
 * for an id that nothing declares, a timepoint for an endpoint, a safety endpoint, and the
 * endpoint a condition's outcome set expects. Each is verified like every fix, with its
 * placeholders read as their defaults.
 */
export function insertionFixes(problem: Problem, doc: ParsedStudy, shift: number): QuickFix[] {
  const fix = (title: string, edit: TextEdit | undefined): QuickFix[] => (edit ? [{ title, edits: [{ ...edit, start: edit.start + shift, end: edit.end + shift }], preferred: false, snippet: true }] : []);
  switch (problem.code) {
    case 'endpoint-missing-result':
      return resultSkeletons(doc, problem.data.endpoint).flatMap(([title, edit]) => fix(title, edit));
    case 'ref-unresolved': {
      const section = SECTIONS[problem.data.kind];
      if (!section) return [];
      return fix(`Declare ${problem.data.kind} \`${problem.data.id}\` under \`${section.name}\``, appendItem(doc, section.name, section.entries(problem.data.id)));
    }
    case 'endpoint-no-timepoint': {
      const ids = items(doc.value, 'timepoints').map(({ item }) => str(item.id)).filter((id): id is string => !!id);
      return ids.flatMap((id) => fix(`Assess \`${problem.data.endpoint}\` at timepoint \`${id}\``, addKey(doc, ['endpoints', problem.data.index], ['timepoints', `[${id}]`])));
    }
    case 'safety-endpoint-missing': {
      const id = freeId(doc, 'adverse-events');
      return fix('Add an adverse-events endpoint (priority: safety)', appendItem(doc, 'endpoints', [['id', id], ['name', '${1:Adverse events}'], ['priority', 'safety'], ['category', 'safety']]));
    }
    case 'profile-endpoint-missing': {
      const e = problem.data.endpoint;
      const entries: Entry[] = [['id', freeId(doc, problem.data.expected)], ['name', `\${1:${lit(yamlValue(e.name))}}`]];
      if (e.instrument) entries.push(['instrument', yamlValue(e.instrument)]);
      if (e.analyte) entries.push(['analyte', yamlValue(e.analyte)]);
      if (e.category) entries.push(['category', e.category]);
      if (e.category === 'safety') entries.push(['priority', 'safety']);
      return fix(`Add the endpoint the outcome set expects: ${e.name}`, appendItem(doc, 'endpoints', entries));
    }
    default:
      return [];
  }
}

/** Each list an unresolved reference can name, and what a new item of it needs. */
const SECTIONS: Record<string, { name: string; entries: (id: string) => Entry[] }> = {
  arm: { name: 'arms', entries: (id) => [['id', yamlValue(id)], ['role', choice(1, ['arms', 0, 'role'])]] },
  product: { name: 'products', entries: (id) => [['id', yamlValue(id)], ['kind', choice(1, ['products', 0, 'kind'])]] },
  endpoint: { name: 'endpoints', entries: (id) => [['id', yamlValue(id)], ['name', `\${1:${lit(yamlValue(id))}}`]] },
  timepoint: { name: 'timepoints', entries: (id) => [['id', yamlValue(id)], ['at', '${1:1 d}']] },
};

/** A snippet choice of a field's allowed values, in the schema's order. */
function choice(n: number, path: (string | number)[]): string {
  const values = (deref(schemaAt(path))?.enum ?? []).map((v) => String(v).replace(/[,|\\$}]/g, (c) => `\\${c}`));
  return values.length ? `\${${n}|${values.join(',')}|}` : `\${${n}}`;
}

/** `base`, or `base-2`, `base-3` … where an endpoint already has the id. */
function freeId(doc: ParsedStudy, base: string): string {
  const taken = new Set(items(doc.value, 'endpoints').map(({ item }) => str(item.id)));
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}

/**
 * Result skeletons for an endpoint: one per arm and timepoint the endpoint is assessed at, and,
 * where the study has one experimental arm and one comparator, one comparison per timepoint.
 * What the result was is the placeholder: `as_reported`, to be typed from the source.
 */
function resultSkeletons(doc: ParsedStudy, endpoint: string): [string, TextEdit | undefined][] {
  const root = rec(doc.value);
  const ep = items(root, 'endpoints').find(({ item }) => item.id === endpoint)?.item;
  const timepoints = list(ep?.timepoints).filter((t): t is string => typeof t === 'string');
  const arms = items(root, 'arms').map(({ item }) => ({ id: str(item.id), role: str(item.role) })).filter((a): a is { id: string; role: string | undefined } => !!a.id);
  if (!arms.length) return [];
  const at = timepoints.length ? timepoints : [undefined];
  let n = 0;
  const result = (arm: string, tp: string | undefined, comparator?: string): Entry[] => {
    const entries: Entry[] = [['endpoint', yamlValue(endpoint)], ['arm', yamlValue(arm)]];
    if (comparator) entries.push(['comparator', yamlValue(comparator)]);
    if (tp) entries.push(['timepoint', yamlValue(tp)]);
    entries.push(['as_reported', `\${${++n}:What the source reports}`]);
    return entries;
  };
  const out: [string, TextEdit | undefined][] = [];
  const perArm = arms.flatMap((a) => at.map((tp) => result(a.id, tp)));
  out.push([`Add ${perArm.length === 1 ? 'a result' : `${perArm.length} results`} for \`${endpoint}\` (each arm${timepoints.length ? ' at each timepoint' : ''})`, appendItems(doc, 'results', perArm)]);
  const experimental = arms.filter((a) => a.role === 'experimental');
  const comparators = arms.filter((a) => a.role && a.role !== 'experimental');
  if (experimental.length === 1 && comparators.length === 1) {
    n = 0;
    const [e, c] = [experimental[0]?.id as string, comparators[0]?.id as string];
    const comparisons = at.map((tp) => result(e, tp, c));
    out.push([`Add ${comparisons.length === 1 ? 'a comparison' : `${comparisons.length} comparisons`} of \`${e}\` with \`${c}\` for \`${endpoint}\``, appendItems(doc, 'results', comparisons)]);
  }
  return out;
}
