import { convertBounds } from '../units/conversion';
import { kindOf } from '../units/dimensions';
import { quantityOf, quantityReading, readable } from '../units/quantity';
import { normaliseUnit } from '../units/synonyms';
import { checkUcum } from '../units/ucum';

/** A dose in the one unit its kind is compared in, or as written with the reason it is not. */
export interface NormalisedDose {
  text: string;
  written: string;
  /** The normalised unit, and the low bound in it, where the dose was normalised. */
  unit?: string;
  sort?: number;
  /** The high bound of a range, in the normalised unit. */
  high?: number;
  perKg: boolean;
  note?: string;
}

/**
 * The unit each kind of dose is compared in: cells in millions (per kg or absolute), vesicles
 * and particles as counts of themselves (never of cells: UCUM would not tell them apart), mass
 * in micrograms, volume in millilitres.
 */
function targetFor(ucum: string): string | undefined {
  const kind = kindOf(ucum);
  const counted = /\{([^}]*)\}/.exec(ucum)?.[1];
  switch (kind?.dimension.id) {
    case 'countPerBodyMass':
      return counted?.toLowerCase() === 'cells' ? '10*6{cells}/kg' : `{${counted}}/kg`;
    case 'count':
      return `{${counted}}`;
    case 'massPerBodyMass':
      return 'ug/kg';
    case 'mass':
      return 'ug';
    case 'volume':
      return 'mL';
    case 'volumePerBodyMass':
      return 'mL/kg';
    default:
      return undefined;
  }
}

/** What the file wrote for a dose: the short form, or the long form's as_reported, or its numbers and unit. */
function writtenOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  const o = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  if (typeof o.as_reported === 'string') return o.as_reported;
  const numbers = [o.value, o.low, o.high].filter((n) => typeof n === 'number' || typeof n === 'string').join('-');
  return `${numbers} ${typeof o.unit === 'string' ? o.unit : ''}`.trim();
}

export function normaliseDose(value: unknown): NormalisedDose | undefined {
  if (value === undefined || value === null) return undefined;
  const written = writtenOf(value);
  const q = quantityOf(value);
  if (!q) return { text: written, written, perKg: false, note: 'not a quantity' };
  const ucum = normaliseUnit(q.unit).ucum;
  const perKg = /\/kg$/.test(ucum);
  if (!checkUcum(ucum).valid) return { text: written, written, perKg, note: `${q.unit} is not a UCUM unit` };
  const to = targetFor(ucum);
  if (!to) return { text: written, written, perKg, note: `no common unit for ${kindOf(ucum)?.name ?? `doses in ${ucum}`}` };
  const bounds = typeof value === 'string' ? quantityReading(value)?.written : undefined;
  const shared = typeof value === 'string' ? quantityReading(value)?.sharedPower : undefined;
  // A power of ten written once after a range ('3-5 x 10^11') is read for both bounds.
  const low = bounds && shared === undefined ? bounds.low : String(q.low);
  const high = q.high === undefined ? undefined : bounds && shared === undefined ? bounds.high : String(q.high);
  const c = convertBounds(high === undefined ? { low } : { low, high }, ucum, to);
  if (!c) return { text: written, written, perKg, note: `${ucum} does not convert to ${to}` };
  const show = (t: string, n: number) => (/e/i.test(t) ? readable(n) : t);
  const text = `${show(c.lowText, c.low)}${c.high === undefined ? '' : `-${show(c.highText ?? '', c.high)}`} ${to}`;
  return c.high === undefined ? { text, written, unit: to, sort: c.low, perKg } : { text, written, unit: to, sort: c.low, high: c.high, perKg };
}
