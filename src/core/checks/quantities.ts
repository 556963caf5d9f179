import type { ProblemDraft } from '../problem';
import { quantityPaths } from '../schema/schema';
import { q } from '../text/safe';
import { quantityNumbers } from '../units/quantity';
import { toPointer, valueAt, type PathSegment } from '../value-path';
import type { Check } from './check';
import { instancesOf } from './view';

let paths: string[][] | undefined;

/**
 * Numbers a quantity cannot hold. The long form's `value: 1e999` is Infinity, which the schema
 * rejects as not a number; the short form `1e999 mL` must be caught the same way. And a dose is
 * something given: zero or less is a slip (a sign, a decimal point), never a dose.
 */
export const quantitiesCheck: Check = {
  name: 'quantities',
  check(doc) {
    paths ??= quantityPaths();
    const out: ProblemDraft[] = [];
    for (const pattern of paths) {
      for (const path of instancesOf(doc.value, pattern)) {
        const value = valueAt(doc.value, path);
        const numbers = typeof value === 'string' ? quantityNumbers(value) : undefined;
        if (!numbers) continue;
        const span = () => doc.locate(path).value;
        const infinite = numbers.find((n) => !Number.isFinite(n.value));
        if (infinite) {
          out.push({ code: 'quantity-not-finite', message: `${q(infinite.written)} is too large to be a number (it reads as infinity); check the exponent.`, ...span(), data: { pointer: toPointer(path) } });
        } else if (isDose(path) && numbers.some((n) => n.value <= 0)) {
          out.push(notPositive(path, value as string, span()));
        }
      }
    }
    // The long form: its non-finite values are the schema's (not a number); a dose of zero or less is ours.
    for (const path of instancesOf(doc.value, ['arms', '*', 'interventions', '*', 'dose'])) {
      const value = valueAt(doc.value, path) as Record<string, unknown> | undefined;
      if (!value || typeof value !== 'object') continue;
      const numbers = [value.value, value.low, value.high].filter((n): n is number => typeof n === 'number' && Number.isFinite(n));
      if (numbers.some((n) => n <= 0)) out.push(notPositive(path, `${numbers.join('-')} ${String(value.unit ?? '')}`.trim(), doc.locate(path).value));
    }
    return out;
  },
};

function isDose(path: readonly PathSegment[]): boolean {
  return path[path.length - 1] === 'dose' && path[0] === 'arms';
}

function notPositive(path: readonly PathSegment[], written: string, span: { start: number; end: number }): ProblemDraft {
  return {
    code: 'dose-not-positive',
    message: `The dose ${q(written)} is zero or less; a dose is an amount given (check for a stray minus sign or a missing digit).`,
    start: span.start,
    end: span.end,
    data: { pointer: toPointer(path) },
  };
}
