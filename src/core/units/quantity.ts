import { studySchema } from '../schema/schema';

/** A quantity read from either the short form ('1.5 mL') or the long form ({value, unit}). */
export interface Quantity {
  low: number;
  high?: number;
  unit: string;
  /** The power of ten written once, after the high bound, and read for both ('3-5 x 10^11'). */
  sharedPower?: number;
}

// The grammar lives once, in the schema; the core reads its named groups.
const QUANTITY_TEXT = new RegExp(studySchema.$defs?.quantityText?.pattern ?? '^$', 'u');

export function parseQuantityText(text: string): Quantity | undefined {
  const g = QUANTITY_TEXT.exec(text)?.groups;
  if (!g?.low || !g.unit) return undefined;
  const r = readRange(g.low, g.high);
  if (!Number.isFinite(r.low) || (r.high !== undefined && !Number.isFinite(r.high))) return undefined;
  const q: Quantity = { low: r.low, high: r.high, unit: g.unit };
  if (r.sharedPower !== undefined) q.sharedPower = r.sharedPower;
  return q;
}

/** How the bounds of a short-form quantity were written and read; undefined when the text is no quantity. */
export function quantityReading(text: string): RangeReading | undefined {
  const g = QUANTITY_TEXT.exec(text)?.groups;
  return g?.low && g.unit ? readRange(g.low, g.high) : undefined;
}

/** The bounds of a range as read, Infinity and NaN included, and how a power of ten written once was read. */
export interface RangeReading {
  low: number;
  high?: number;
  written: { low: string; high?: string };
  /** The power of ten written once, after the high bound, and read for both ('3-5 x 10^11'). */
  sharedPower?: number;
  /** The bounds' texts as they are read: with a shared power, the low bound carries it too ('3 x 10^11'). */
  readAs: { low: string; high?: string };
  /** Set when reading the power for both bounds reverses the range and reading it for the high one only does not. */
  ambiguous?: { bothLow: number };
}

/**
 * '3-5 x 10^11' is read, as every reader reads it, as 3e11 to 5e11: a power of ten written once,
 * after the high bound, applies to both. Only when that reading runs from high to low and the
 * literal one does not ('300000-5 x 10^6') can the text not be decided; it keeps the literal
 * reading and says so, for the check to report.
 */
function readRange(lowText: string, highText: string | undefined): RangeReading {
  const written = highText === undefined ? { low: lowText } : { low: lowText, high: highText };
  const low = readNumber(lowText);
  if (highText === undefined) return { low, written, readAs: written };
  const high = readNumber(highText);
  const power = powerOf(highText);
  if (power === undefined || powerOf(lowText) !== undefined) return { low, high, written, readAs: written };
  // Through the decimal text, so that '1.08-1.08e-1' reads two equal bounds (1.08 * 0.1 would not).
  const both = Number(`${compact(lowText)}e${power}`);
  if (both <= high || low > high) return { low: both, high, written, sharedPower: power, readAs: { low: `${lowText}${POWER_SUFFIX.exec(highText)?.[1] ?? `e${power}`}`, high: highText } };
  return { low, high, written, readAs: written, ambiguous: { bothLow: both } };
}

/** The power of ten at the end of a bound, as written: ' x 10^11', '×10*-2', 'e11'. */
const POWER_SUFFIX = /(\s*[x×*]\s*10[\^*][-+]?[0-9]+|[eE][-+]?[0-9]+)$/;

export function quantityOf(value: unknown): Quantity | undefined {
  if (typeof value === 'string') return parseQuantityText(value);
  if (!value || typeof value !== 'object') return undefined;
  const o = value as Record<string, unknown>;
  if (typeof o.unit !== 'string') return undefined;
  const low = typeof o.value === 'number' ? o.value : typeof o.low === 'number' ? o.low : undefined;
  if (low === undefined) return undefined;
  return { low, high: typeof o.high === 'number' ? o.high : undefined, unit: o.unit };
}

/** '1.5', '3e6', '3 x 10^6', '3 × 10*6', '−2' (a minus sign); undefined unless finite. */
export function parseNumber(text: string): number | undefined {
  const n = readNumber(text);
  return Number.isFinite(n) ? n : undefined;
}

// A mantissa and its power of ten: '3 x 10^6', '3×10*6', '3*10^6' or '3e6'.
const TIMES_POWER = /^([-+]?[0-9.]+)[x×*]10[\^*]([-+]?[0-9]+)$/;
const E_POWER = /^[-+]?[0-9.]+[eE]([-+]?[0-9]+)$/;

function compact(text: string): string {
  return text.replace(/−/g, '-').replace(/\s+/g, '');
}

/** The power of ten written in a number, if one is. */
function powerOf(text: string): number | undefined {
  const t = compact(text);
  const m = TIMES_POWER.exec(t) ?? E_POWER.exec(t);
  return m ? Number(m[m.length - 1]) : undefined;
}

/** The number as read, Infinity and NaN included. */
function readNumber(text: string): number {
  const t = compact(text);
  const sci = TIMES_POWER.exec(t);
  return sci ? Number(`${sci[1]}e${sci[2]}`) : Number(t);
}

/** A number for people to read: 0.15, 1200, and 3 × 10^11 rather than 300000000000. */
export function readable(n: number): string {
  const a = Math.abs(n);
  if (a === 0 || (a >= 1e-3 && a < 1e5) || !Number.isFinite(n)) return tidy(n);
  const [mantissa, exponent] = n.toExponential().split('e') as [string, string];
  return `${tidy(Number(mantissa))} × 10^${Number(exponent)}`;
}

/** Rounds away binary noise (0.15000000000000002 -> 0.15) for display and edits. */
export function tidy(n: number): string {
  return String(Number(n.toPrecision(12)));
}
