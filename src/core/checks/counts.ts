import type { Check } from './check';
import { countValue, items, rec } from './view';

/** Arm sizes cannot add up to more than were randomized. Approximate counts ('~58') are compared as numbers. */
export const countsCheck: Check = {
  name: 'counts',
  check(doc) {
    const randomized = countValue(rec(rec(rec(doc.value)?.population)?.counts)?.randomized);
    if (randomized === undefined) return [];
    const sizes = items(doc.value, 'arms').map(({ item }) => countValue(item.n));
    const known = sizes.filter((n): n is number => n !== undefined);
    const sum = known.reduce((a, b) => a + b, 0);
    if (sum <= randomized) return [];
    const span = doc.locate(['population', 'counts', 'randomized']).value;
    return [
      {
        code: 'count-exceeds-randomized',
        message: `The arm sizes add up to ${sum}, more than the ${randomized} randomized.`,
        start: span.start,
        end: span.end,
        data: { sum, randomized, arms: known.length },
      },
    ];
  },
};
