import { memoize } from '../memo';
import { annotationsOf } from './synonyms';
import { convertUnit } from './conversion';
import type { DimensionId } from './preferred';

export { DIMENSION_IDS, type DimensionId } from './preferred';

/**
 * The kinds of quantity a curator converts between, each with the units that make sense for it.
 * `{X}` stands for the thing counted and is replaced by the unit's own annotation, so cells stay
 * cells: UCUM ignores annotations and would turn {cells} into {particles} without a word.
 */
export interface Dimension {
  id: DimensionId;
  /** For people: 'mass concentration'; `{X}` is the thing counted. */
  name: string;
  units: readonly string[];
}

export const DIMENSIONS: readonly Dimension[] = [
  { id: 'volume', name: 'volume', units: ['uL', 'mL', 'L'] },
  { id: 'mass', name: 'mass', units: ['ng', 'ug', 'mg', 'g'] },
  { id: 'massConcentration', name: 'mass concentration', units: ['pg/mL', 'ng/mL', 'ug/mL', 'mg/mL', 'ng/L', 'ug/L', 'mg/L', 'mg/dL', 'g/dL', 'g/L'] },
  { id: 'massPerBodyMass', name: 'dose per body mass', units: ['ng/kg', 'ug/kg', 'mg/kg'] },
  { id: 'volumePerBodyMass', name: 'volume per body mass', units: ['uL/kg', 'mL/kg'] },
  { id: 'time', name: 'time', units: ['min', 'h', 'd', 'wk', 'mo', 'a'] },
  { id: 'substanceConcentration', name: 'substance concentration', units: ['pmol/L', 'nmol/L', 'umol/L', 'mmol/L', 'mol/L'] },
  { id: 'amountOfSubstance', name: 'amount of substance', units: ['pmol', 'nmol', 'umol', 'mmol', 'mol'] },
  { id: 'length', name: 'length', units: ['nm', 'um', 'mm', 'cm', 'm'] },
  { id: 'count', name: 'count of {X}', units: ['{X}', '10*6{X}', '10*9{X}'] },
  { id: 'countPerBodyMass', name: '{X} per body mass', units: ['{X}/kg', '10*6{X}/kg', '10*9{X}/kg'] },
  { id: 'countConcentration', name: '{X} per volume', units: ['{X}/mL', '10*6{X}/mL', '10*9{X}/mL', '{X}/L'] },
  { id: 'arbitraryConcentration', name: 'arbitrary units per volume', units: ['[iU]/mL', '[iU]/L'] },
];

/** A UCUM unit's dimension and the units it converts to, with its own annotation; undefined when none fits. */
export interface UnitKind {
  dimension: Dimension;
  /** The dimension's name for this unit ('cells per body mass'). */
  name: string;
  /** Units of the same kind, this one excluded, in the dimension's order. */
  targets: string[];
}

/** Things counted in doses and concentrations; other annotations ({score}, {patients}) are not scaled by millions. */
const COUNTED = new Set(['cells', 'particles', 'exosomes', 'evs', 'vesicles']);

export const kindOf = memoize((ucum: string): UnitKind | undefined => {
  const counted = annotationsOf(ucum);
  if (counted.some((a) => !COUNTED.has(a))) return undefined;
  for (const dimension of DIMENSIONS) {
    const templated = dimension.units.some((u) => u.includes('{X}'));
    if (templated !== (counted.length === 1)) continue;
    const thing = counted[0] ?? '';
    const units = dimension.units.map((u) => u.replace('{X}', `{${originalAnnotation(ucum, thing)}}`));
    if (!units.some((u) => sameShape(ucum, u))) continue;
    return { dimension, name: dimension.name.replace('{X}', originalAnnotation(ucum, thing)), targets: units.filter((u) => u !== ucum) };
  }
  return undefined;
});

/** The annotation as written (annotationsOf lower-cases it for comparison). */
function originalAnnotation(ucum: string, lower: string): string {
  return /\{([^}]*)\}/.exec(ucum)?.[1] ?? lower;
}

/**
 * Two units of one shape: both a ratio or both not, with commensurable numerators and
 * denominators. 'mg/kg' and '%' are commensurable in UCUM (both pure numbers) but not of one
 * shape, so a dose per body mass is never offered in percent.
 */
function sameShape(a: string, b: string): boolean {
  const pa = a.split('/');
  const pb = b.split('/');
  if (pa.length !== pb.length || pa.length > 2) return false;
  return pa.every((part, i) => convertUnit(1, part, pb[i] as string) !== undefined);
}
