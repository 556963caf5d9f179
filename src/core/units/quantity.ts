import { studySchema } from '../schema/schema';

/** A quantity read from either the short form ('1.5 mL') or the long form ({value, unit}). */
export interface Quantity {
  low: number;
  high?: number;
  unit: string;
}

// The grammar lives once, in the schema; the core reads its named groups.
const QUANTITY_TEXT = new RegExp(studySchema.$defs?.quantityText?.pattern ?? '^$', 'u');

export function parseQuantityText(text: string): Quantity | undefined {
  const m = QUANTITY_TEXT.exec(text);
  const g = m?.groups;
  if (!m || !g?.low || !g.unit) return undefined;
  const low = parseNumber(g.low);
  const high = g.high ? parseNumber(g.high) : undefined;
  if (low === undefined) return undefined;
  return { low, high, unit: g.unit };
}

/** The numbers of a short-form quantity as written and as read, finite or not; undefined when the text is no quantity. */
export function quantityNumbers(text: string): { written: string; value: number }[] | undefined {
  const g = QUANTITY_TEXT.exec(text)?.groups;
  if (!g?.low || !g.unit) return undefined;
  return [g.low, g.high].filter((w): w is string => !!w).map((written) => ({ written, value: readNumber(written) }));
}

export function quantityOf(value: unknown): Quantity | undefined {
  if (typeof value === 'string') return parseQuantityText(value);
  if (!value || typeof value !== 'object') return undefined;
  const o = value as Record<string, unknown>;
  if (typeof o.unit !== 'string') return undefined;
  const low = typeof o.value === 'number' ? o.value : typeof o.low === 'number' ? o.low : undefined;
  if (low === undefined) return undefined;
  return { low, high: typeof o.high === 'number' ? o.high : undefined, unit: o.unit };
}

/** '1.5', '3e6', '3 x 10^6', '−2' (a minus sign); undefined unless finite. */
export function parseNumber(text: string): number | undefined {
  const n = readNumber(text);
  return Number.isFinite(n) ? n : undefined;
}

/** The number as read, Infinity and NaN included. */
function readNumber(text: string): number {
  const t = text.replace(/−/g, '-').replace(/\s+/g, '');
  const sci = /^([-+]?[0-9.]+)[x×*]10\^([-+]?[0-9]+)$/.exec(t);
  return sci ? Number(sci[1]) * 10 ** Number(sci[2]) : Number(t);
}

/** Rounds away binary noise (0.15000000000000002 -> 0.15) for display and edits. */
export function tidy(n: number): string {
  return String(Number(n.toPrecision(12)));
}
