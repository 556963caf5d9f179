import type { ProblemDraft } from '../problem';
import { studySchema } from '../schema/schema';
import { q } from '../text/safe';
import type { Check } from './check';
import { items, str } from './view';

let forms: { registry: string; pattern: RegExp }[] | undefined;

/** Each registry's id form, read from the schema's `if registry … then id pattern` rules. */
function registryForms(): { registry: string; pattern: RegExp }[] {
  return (studySchema.$defs?.registrationEntry?.allOf ?? []).flatMap((rule) => {
    const registry = rule.if?.properties?.registry?.const;
    const pattern = rule.then?.properties?.id?.pattern;
    return typeof registry === 'string' && pattern ? [{ registry, pattern: new RegExp(pattern, 'u') }] : [];
  });
}

/** A registration filed under `other` whose id has the form of a registry we know: name the registry. */
export const registrationsCheck: Check = {
  name: 'registrations',
  check(doc) {
    forms ??= registryForms();
    const out: ProblemDraft[] = [];
    for (const { item, index } of items(doc.value, 'registration')) {
      const id = str(item.id);
      if (item.registry !== 'other' || !id) continue;
      const known = forms.find((f) => f.pattern.test(id.trim()));
      if (!known) continue;
      const span = doc.locate(['registration', index, 'registry']).value;
      out.push({
        code: 'registry-id-form',
        message: `${q(id)} looks like an id of ${known.registry}; set \`registry: ${known.registry}\` so it is checked as one.`,
        start: span.start,
        end: span.end,
        data: { pointer: `/registration/${index}/registry`, suggestion: known.registry },
      });
    }
    return out;
  },
};
