import type { Kappa } from './types';

/**
 * Cohen's kappa for two raters over the same items: (po − pe) / (1 − pe), where po is the share
 * of items rated alike and pe the agreement expected by chance from each rater's own share of
 * each category. Null where it is undefined: no items, or chance agreement of one (both raters
 * used one and the same category throughout).
 */
export function cohensKappa(ratings: readonly (readonly [string, string])[]): Kappa {
  const n = ratings.length;
  if (!n) return { kappa: null, observed: null, expected: null, n };
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  let same = 0;
  for (const [x, y] of ratings) {
    if (x === y) same++;
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
  }
  const observed = same / n;
  let expected = 0;
  for (const [c, k] of a) expected += (k / n) * ((b.get(c) ?? 0) / n);
  return { kappa: expected === 1 ? null : (observed - expected) / (1 - expected), observed, expected, n };
}
