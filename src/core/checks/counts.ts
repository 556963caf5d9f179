import type { ProblemDraft } from '../problem';
import type { Check } from './check';
import { countValue, items, rec } from './view';

/**
 * Arm sizes cannot add up to more than were randomized, or, where the source gives no
 * randomized count, more than were enrolled. One problem: randomized is never more than enrolled,
 * so the tighter count speaks for both. Approximate counts ('~58') are compared as numbers.
 */
export const countsCheck: Check = {
  name: 'counts',
  check(doc) {
    const counts = rec(rec(rec(doc.value)?.population)?.counts);
    const randomized = countValue(counts?.randomized);
    const enrolled = countValue(counts?.enrolled);
    const bound = randomized !== undefined ? { field: 'randomized' as const, value: randomized } : enrolled !== undefined ? { field: 'enrolled' as const, value: enrolled } : undefined;
    if (!bound) return [];
    const sizes = items(doc.value, 'arms').map(({ item }) => countValue(item.n));
    const known = sizes.filter((n): n is number => n !== undefined);
    const sum = known.reduce((a, b) => a + b, 0);
    if (sum <= bound.value) return [];
    const span = doc.locate(['population', 'counts', bound.field]).value;
    const problem: ProblemDraft =
      bound.field === 'randomized'
        ? { code: 'count-exceeds-randomized', message: `The arm sizes add up to ${sum}, more than the ${bound.value} randomized.`, start: span.start, end: span.end, data: { sum, randomized: bound.value, arms: known.length } }
        : { code: 'count-exceeds-enrolled', message: `The arm sizes add up to ${sum}, more than the ${bound.value} enrolled.`, start: span.start, end: span.end, data: { sum, enrolled: bound.value, arms: known.length } };
    return [problem];
  },
};
