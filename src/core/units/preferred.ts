/**
 * The kinds of quantity units are converted within, and the unit a curator prefers for each.
 * No imports: the extension reads these for its settings without loading the core.
 */
export const DIMENSION_IDS = [
  'volume',
  'mass',
  'massConcentration',
  'massPerBodyMass',
  'volumePerBodyMass',
  'time',
  'substanceConcentration',
  'amountOfSubstance',
  'length',
  'count',
  'countPerBodyMass',
  'countConcentration',
  'arbitraryConcentration',
] as const;

export type DimensionId = (typeof DIMENSION_IDS)[number];

/** The unit each kind is converted to; a count's `{annotation}` is replaced by the quantity's own. */
export type PreferredUnits = Partial<Record<DimensionId, string>>;

/** What a curator would pick: mL for volumes, days for times, ug/kg and 10*6 cells/kg for doses. */
export const DEFAULT_PREFERRED_UNITS: PreferredUnits = {
  volume: 'mL',
  time: 'd',
  massPerBodyMass: 'ug/kg',
  countPerBodyMass: '10*6{cells}/kg',
};
