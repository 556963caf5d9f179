import { stringify } from 'yaml';
import { convertUnit } from '../units/conversion';
import { quantityOf, type Quantity } from '../units/quantity';
import { normaliseUnit } from '../units/synonyms';

/** Text as two curators would mean the same: whitespace runs as one space, case ignored. */
export function normalText(v: unknown): string {
  return String(v).normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** A quantity, short or long form, with its unit's synonyms resolved ('1.5 cc' is 1.5 mL). */
export function quantityIn(v: unknown): Quantity | undefined {
  const q = quantityOf(v);
  return q && { ...q, unit: normaliseUnit(q.unit).ucum };
}

/** A long-form quantity ({value, unit, …}) is one field, not a mapping of fields. */
export function isLongQuantity(v: unknown): boolean {
  return !!v && typeof v === 'object' && !Array.isArray(v) && 'unit' in v && quantityOf(v) !== undefined;
}

const close = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/** Two quantities agree when the right one, converted to the left one's unit, has the same bounds. */
export function sameQuantity(l: Quantity, r: Quantity): boolean {
  const low = convertUnit(r.low, r.unit, l.unit);
  if (low === undefined || !close(low, l.low)) return false;
  if ((l.high === undefined) !== (r.high === undefined)) return false;
  if (l.high === undefined || r.high === undefined) return true;
  const high = convertUnit(r.high, r.unit, l.unit);
  return high !== undefined && close(high, l.high);
}

/** Two leaf values agree: quantities by value after conversion, numbers by value, text after normalising. */
export function sameLeaf(l: unknown, r: unknown): boolean {
  const ql = quantityIn(l);
  const qr = quantityIn(r);
  if (ql && qr) return sameQuantity(ql, qr);
  if (typeof l === 'number' && typeof r === 'number') return close(l, r);
  if (Array.isArray(l) && Array.isArray(r)) return sameSet(l, r);
  if (isScalar(l) && isScalar(r)) return normalText(l) === normalText(r);
  return normalText(show(l)) === normalText(show(r));
}

/** Lists of scalars compare as sets: order is not a fact curators record. */
function sameSet(l: unknown[], r: unknown[]): boolean {
  const a = new Set(l.map((x) => normalText(show(x))));
  const b = new Set(r.map((x) => normalText(show(x))));
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/** A value as one line of text: scalars as written, anything else as YAML flow. */
export function show(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (isScalar(v)) return String(v);
  return stringify(v, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}
