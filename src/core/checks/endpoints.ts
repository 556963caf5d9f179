import { q } from '../text/safe';
import type { ProblemDraft } from '../problem';
import type { Check } from './check';
import { TRIAL_TYPES } from '../schema/schema';
import { items, rec, str, studyField } from './view';

const REPORTED_STATUSES = ['completed', 'published'];

/** A primary or secondary endpoint of a completed or published study needs a result, or `not_reported` with a reason. */
export const missingResultsCheck: Check = {
  name: 'missing-results',
  check(doc) {
    const status = studyField(doc.value, 'status');
    if (!status || !REPORTED_STATUSES.includes(status)) return [];
    const reported = new Set(items(doc.value, 'results').map(({ item }) => str(item.endpoint)));
    const out: ProblemDraft[] = [];
    for (const { item, index } of items(doc.value, 'endpoints')) {
      const priority = str(item.priority);
      const id = str(item.id);
      if ((priority !== 'primary' && priority !== 'secondary') || !id || reported.has(id) || rec(item.not_reported)) continue;
      const span = doc.locate(['endpoints', index, 'id']).value;
      out.push({
        code: 'endpoint-missing-result',
        message: `The ${priority} endpoint ${q(id)} of this ${status} study has no result. Add one under \`results\`, or mark the endpoint \`not_reported\` with a reason.`,
        start: span.start,
        end: span.end,
        data: { endpoint: id, priority, index },
      });
    }
    return out;
  },
};

/** An endpoint with no timepoint cannot be compared across studies. */
export const endpointTimepointsCheck: Check = {
  name: 'endpoint-timepoints',
  check(doc) {
    return items(doc.value, 'endpoints').flatMap(({ item, index }): ProblemDraft[] => {
      if (item.timepoints !== undefined) return []; // a wrong type is the schema's to report
      if (rec(item.not_reported)) return []; // a placeholder for what the source does not report has no schedule
      const at = doc.locate(['endpoints', index, 'id']);
      const id = str(item.id) ?? `item ${index + 1}`;
      return [
        {
          code: 'endpoint-no-timepoint',
          message: `Endpoint ${q(id)} has no timepoint; add \`timepoints: [...]\` with ids from the \`timepoints\` section.`,
          start: at.value.start,
          end: at.value.end,
          data: { endpoint: id, index },
        },
      ];
    });
  },
};

/** Trials (as the schema defines them) and trial protocols in humans report safety. */
const SAFETY_TYPES: readonly string[] = [...TRIAL_TYPES, 'registered protocol'];

/** Interventional studies in humans report safety; a missing safety endpoint is worth a look. */
export const safetyEndpointCheck: Check = {
  name: 'safety-endpoint',
  check(doc) {
    const type = studyField(doc.value, 'type');
    const species = str(rec(rec(doc.value)?.population)?.species);
    if (!type || !SAFETY_TYPES.includes(type) || (species && species !== 'Homo sapiens')) return [];
    const endpoints = items(doc.value, 'endpoints');
    if (!endpoints.length) return [];
    if (endpoints.some(({ item }) => item.priority === 'safety' || item.category === 'safety')) return [];
    // Placeholders for outcomes the source does not list cannot hold a safety endpoint either.
    if (endpoints.every(({ item }) => rec(item.not_reported))) return [];
    const at = doc.locate(['endpoints']);
    const span = at.key ?? at.value;
    return [
      {
        code: 'safety-endpoint-missing',
        message: 'This interventional study in humans has no safety endpoint; add one (e.g. adverse events, priority: safety) or check the source again.',
        start: span.start,
        end: span.end,
        data: { studyType: type },
      },
    ];
  },
};
