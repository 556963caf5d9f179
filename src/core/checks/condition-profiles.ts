import type { ProblemDraft } from '../problem';
import type { ConditionProfile, ExpectedEndpoint } from '../profiles/profile';
import { foldName } from '../text/fold-name';
import type { Check } from './check';
import { items, list, rec, str } from './view';


function applies(profile: ConditionProfile, root: unknown): boolean {
  const population = rec(rec(root)?.population);
  // One condition, or several (`conditions`: COVID-19 with ARDS): any of them brings its outcome set.
  const conditions = [rec(population?.condition), ...list(population?.conditions).map(rec)].filter((c): c is Record<string, unknown> => !!c);
  const species = str(population?.species) ?? (population?.disease_model ? undefined : 'Homo sapiens');
  const isHuman = species === 'Homo sapiens';
  if (profile.applies.species === 'human' && !isHuman) return false;
  if (profile.applies.species === 'animal' && (isHuman || !species)) return false;
  const codes = conditions.map((c) => str(c.code)).filter((c): c is string => !!c);
  const names = [...conditions.map((c) => str(c.name)), str(rec(population?.disease_model)?.name)].filter((n): n is string => !!n).map((n) => n.toLowerCase());
  if (codes.some((code) => profile.applies.codes?.some((c) => code.toUpperCase().startsWith(c.toUpperCase())))) return true;
  return names.some((n) => profile.applies.names?.some((f) => (f.length <= 3 ? n.split(/\W+/).includes(f.toLowerCase()) : n.includes(f.toLowerCase()))) ?? false);
}

function meets(expected: ExpectedEndpoint, endpoint: Record<string, unknown>): boolean {
  const has = (value: unknown, options?: string[]) => typeof value === 'string' && (options ?? []).some((o) => foldName(o) === foldName(value));
  if (has(endpoint.instrument, expected.instruments) || has(endpoint.analyte, expected.analytes)) return true;
  if (has(endpoint.category, expected.categories)) return true;
  if (expected.categories?.includes('safety') && endpoint.priority === 'safety') return true;
  const name = str(endpoint.name)?.toLowerCase() ?? '';
  return (expected.names ?? []).some((f) => name.includes(f.toLowerCase()));
}

/** What a fix writes for an expected endpoint: a name from its label, and its first instrument, analyte or category. */
function suggestedEndpoint(expected: ExpectedEndpoint): { name: string; instrument?: string; analyte?: string; category?: string } {
  const name = expected.label.replace(/^an? /, '').replace(/\s*\(.*\)$/, '');
  const out: { name: string; instrument?: string; analyte?: string; category?: string } = { name: name.charAt(0).toUpperCase() + name.slice(1) };
  if (expected.instruments?.[0]) out.instrument = expected.instruments[0];
  else if (expected.analytes?.[0]) out.analyte = expected.analytes[0];
  if (expected.categories?.[0]) out.category = expected.categories[0];
  return out;
}

/** Endpoints a condition's core outcome set expects but the annotation does not record. */
export const conditionProfilesCheck: Check = {
  name: 'condition-profiles',
  check(doc, ctx) {
    const endpoints = items(doc.value, 'endpoints').map(({ item }) => item);
    // No endpoints section, or `endpoints: {not_reported}` (the source lists no outcomes): nothing to hold the set against.
    if (!Array.isArray(rec(doc.value)?.endpoints)) return [];
    const out: ProblemDraft[] = [];
    const at = doc.locate(['endpoints']);
    const span = at.key ?? at.value;
    for (const profile of ctx.profiles) {
      if (!applies(profile, doc.value)) continue;
      for (const expected of profile.expects) {
        if (endpoints.some((e) => meets(expected, e))) continue;
        out.push({
          code: 'profile-endpoint-missing',
          message: `The ${profile.name} outcome set expects ${expected.label}; none of the endpoints records it.`,
          start: span.start,
          end: span.end,
          data: { profile: profile.id, expected: expected.id, label: expected.label, endpoint: suggestedEndpoint(expected) },
        });
      }
    }
    return out;
  },
};
