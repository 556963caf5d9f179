import { cohensKappa } from './kappa';
import type { Agreement, FieldOutcome, SectionAgreement } from './types';

function figure(section: string, fields: readonly FieldOutcome[]): SectionAgreement {
  const agreed = fields.filter((f) => f.agree).length;
  return { section, fields: fields.length, agreed, share: fields.length ? agreed / fields.length : null };
}

/** The share of fields the two extractions agree on, per section and overall, and kappa over the categorical fields. */
export function agreementOf(fields: readonly FieldOutcome[]): Agreement {
  const sections = [...new Set(fields.map((f) => f.section))];
  return {
    overall: figure('overall', fields),
    sections: sections.map((s) => figure(s, fields.filter((f) => f.section === s))),
    kappa: cohensKappa(fields.flatMap((f) => (f.categories ? [f.categories] : []))),
  };
}
