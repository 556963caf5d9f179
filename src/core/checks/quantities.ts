import type { ProblemDraft } from '../problem';
import { quantityPaths } from '../schema/schema';
import { q } from '../text/safe';
import { parseNumber, quantityReading, readable } from '../units/quantity';
import { toPointer, valueAt, type PathSegment } from '../value-path';
import type { Check } from './check';
import { instancesOf } from './view';

/**
 * Numbers a quantity cannot hold. The long form's `value: 1e999` is Infinity, which the schema
 * rejects as not a number; the short form `1e999 mL` must be caught the same way. And a dose is
 * something given: zero or less is a slip (a sign, a decimal point), never a dose. A range runs
 * from low to high; '3-5 x 10^11' is read with the power for both bounds (see quantityReading),
 * and where that reading cannot be decided the problem says so instead of guessing silently.
 */
export const quantitiesCheck: Check = {
  name: 'quantities',
  check(doc) {
    const out: ProblemDraft[] = [];
    for (const pattern of quantityPaths()) {
      for (const path of instancesOf(doc.value, pattern)) {
        const value = valueAt(doc.value, path);
        const span = () => doc.locate(path).value;
        if (typeof value === 'string') {
          const problem = shortFormProblem(value, path, span);
          if (problem) out.push(problem);
        } else if (value && typeof value === 'object') {
          const problem = longFormProblem(value as Record<string, unknown>, path, span);
          if (problem) out.push(problem);
        }
      }
    }
    return out;
  },
};

type Span = () => { start: number; end: number };

/** At most one problem per quantity: a number that is not one, then the range's order, then a dose's sign. */
function shortFormProblem(value: string, path: readonly PathSegment[], span: Span): ProblemDraft | undefined {
  const reading = quantityReading(value);
  if (!reading) return undefined;
  const { low, high } = reading.written;
  // The grammar only lets numbers through, so a bound that does not parse is infinite.
  const infinite = [high, low].find((w) => w !== undefined && parseNumber(w) === undefined);
  if (infinite !== undefined) {
    return { code: 'quantity-not-finite', message: `${q(infinite)} is too large to be a number (it reads as infinity); check the exponent.`, ...span(), data: { pointer: toPointer(path) } };
  }
  if (reading.ambiguous && high !== undefined) {
    return {
      code: 'quantity-range-ambiguous',
      message: `${q(value)} can be read two ways: the power of ten after ${q(high)} for both bounds (${readable(reading.ambiguous.bothLow)} to ${readable(reading.high ?? NaN)}, high to low) or for the high bound only (${readable(reading.low)} to ${readable(reading.high ?? NaN)}); write each bound in full.`,
      ...span(),
      data: { pointer: toPointer(path) },
    };
  }
  if (reading.high !== undefined && high !== undefined && reading.low > reading.high) {
    // The bounds as written, swapped: '5e11-3e11 {particles}' -> '3e11-5e11 {particles}'. A power
    // written once belongs after the high bound, so such a range is not swapped by text.
    const i = value.indexOf(low);
    const j = value.indexOf(high, i + low.length);
    const swapped = reading.sharedPower === undefined && i >= 0 && j >= 0 ? value.slice(0, i) + high + value.slice(i + low.length, j) + low + value.slice(j + high.length) : null;
    return reversed(value, reading.low, reading.high, path, span, swapped);
  }
  // A range is in order here, so its high bound is at or below zero only when its low one is.
  if (isDose(path) && reading.low <= 0) return notPositive(path, value, span());
  return undefined;
}

/** The long form: its non-finite values are the schema's (not a number); the order of a range and a dose's sign are ours. */
function longFormProblem(value: Record<string, unknown>, path: readonly PathSegment[], span: Span): ProblemDraft | undefined {
  const num = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? n : undefined);
  const low = num(value.low);
  const high = num(value.high);
  const point = num(value.value);
  // As a reader would say it: '-1 to 2 mL', never '-1-2'; a value beside its range, '5 (4 to 6) mL'.
  const written = () => {
    const range = [low, high].filter((n) => n !== undefined).join(' to ');
    const amount = point === undefined ? range : range ? `${point} (${range})` : String(point);
    return `${amount} ${String(value.unit ?? '')}`.trim();
  };
  if (low !== undefined && high !== undefined && low > high) return reversed(written(), low, high, path, span, null);
  const numbers = [point, low, high].filter((n): n is number => n !== undefined);
  if (isDose(path) && numbers.some((n) => n <= 0)) return notPositive(path, written(), span());
  return undefined;
}

function reversed(written: string, low: number, high: number, path: readonly PathSegment[], span: Span, swapped: string | null): ProblemDraft {
  return {
    code: 'quantity-range-reversed',
    message: `The range ${q(written)} runs from high to low (${readable(low)} is more than ${readable(high)}); write the lower bound first.`,
    ...span(),
    data: { pointer: toPointer(path), swapped },
  };
}

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
