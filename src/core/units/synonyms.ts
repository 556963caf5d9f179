import { memoize } from '../memo';

/**
 * Common non-UCUM spellings curators type, and their UCUM codes. Matching ignores case only
 * where UCUM itself would not care (whole words such as 'days'); 'mL' and 'ml' are both UCUM.
 */
const WHOLE: Readonly<Record<string, string>> = {
  cc: 'mL',
  ccs: 'mL',
  mcg: 'ug',
  mcl: 'uL',
  'million cells': '10*6{cells}',
  'billion cells': '10*9{cells}',
  cells: '{cells}',
  particles: '{particles}',
  particle: '{particles}',
  cell: '{cells}',
  // Counts of vesicles, read like cells and particles: '2.0x10^8 exosomes'.
  exosomes: '{exosomes}',
  exosome: '{exosomes}',
  evs: '{EVs}',
  vesicles: '{vesicles}',
  'nano vesicles': '{vesicles}',
  nanovesicles: '{vesicles}',
  sec: 's',
  second: 's',
  seconds: 's',
  minute: 'min',
  minutes: 'min',
  mins: 'min',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  day: 'd',
  days: 'd',
  week: 'wk',
  weeks: 'wk',
  wks: 'wk',
  month: 'mo',
  months: 'mo',
  year: 'a',
  years: 'a',
  yr: 'a',
  yrs: 'a',
  iu: '[iU]',
  IU: '[iU]',
  points: '{score}',
  point: '{score}',
};

/** Micro written as the micro sign or Greek mu; UCUM writes 'u'. */
const MICRO = /[µμ]/g;

export interface Normalised {
  /** The UCUM code to use. */
  ucum: string;
  /** True when `ucum` differs from what was written. */
  changed: boolean;
}

/** Rewrites known synonyms, part by part around '/', so 'million cells/kg' becomes '10*6{cells}/kg'. */
export const normaliseUnit = memoize(normalise);

function normalise(unit: string): Normalised {
  const trimmed = unit.trim();
  const parts = trimmed.split('/').map((part) => {
    const p = part.trim().replace(MICRO, 'u');
    return WHOLE[p] ?? WHOLE[p.toLowerCase()] ?? p;
  });
  const ucum = parts.join('/');
  return { ucum, changed: ucum !== trimmed };
}

/** The {annotations} of a unit, sorted: '10*6{cells}/kg' -> ['cells']. */
export function annotationsOf(unit: string): string[] {
  return [...unit.matchAll(/\{([^}]*)\}/g)].map((m) => (m[1] as string).toLowerCase()).sort();
}
