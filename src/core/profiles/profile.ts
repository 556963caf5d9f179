/**
 * A condition profile (core outcome set): which endpoints a study of a condition is expected to
 * report. The shipped defaults come from the seed documents; a workspace can add profiles or
 * replace one by reusing its id.
 */
export interface ConditionProfile {
  id: string;
  name: string;
  /** Which studies the profile applies to. A study matches on any code or any name fragment. */
  applies: {
    codes?: string[];
    names?: string[];
    /** 'human' or 'animal': restricts by population species. */
    species?: 'human' | 'animal';
  };
  expects: ExpectedEndpoint[];
}

/** An expected endpoint: met by any recorded endpoint that matches one of the lists. */
export interface ExpectedEndpoint {
  id: string;
  label: string;
  instruments?: string[];
  analytes?: string[];
  categories?: string[];
  /** Fragments of the endpoint name (case-insensitive). */
  names?: string[];
}

export const DEFAULT_PROFILES: readonly ConditionProfile[] = [
  {
    id: 'sle',
    name: 'Systemic lupus erythematosus',
    applies: { codes: ['M32'], names: ['lupus', 'SLE'], species: 'human' },
    expects: [
      { id: 'disease-activity', label: 'a disease activity index (SLEDAI-2K or MEX-SLEDAI)', instruments: ['SLEDAI-2K', 'SLEDAI-2000', 'SLEDAI', 'MEX-SLEDAI', 'SELENA-SLEDAI', 'BILAG'], names: ['SLEDAI'] },
      { id: 'c3', label: 'complement C3', analytes: ['C3'] },
      { id: 'c4', label: 'complement C4', analytes: ['C4'] },
      { id: 'anti-dsdna', label: 'anti-dsDNA', analytes: ['anti-dsDNA'] },
      { id: 'adverse-events', label: 'adverse events', categories: ['safety'] },
    ],
  },
  {
    id: 'knee-oa',
    name: 'Knee osteoarthritis',
    applies: { codes: ['M17'], names: ['knee osteoarthritis', 'osteoarthritis of the knee'], species: 'human' },
    expects: [
      { id: 'pain-function', label: 'a pain and function score (e.g. WOMAC)', instruments: ['WOMAC', 'KOOS', 'VAS', 'NRS', 'Lequesne', 'IKDC'], categories: ['clinical score'] },
      { id: 'cartilage-imaging', label: 'imaging of cartilage (e.g. MRI)', instruments: ['MRI', 'X-ray', 'radiograph', 'ultrasound'], categories: ['imaging'] },
      { id: 'adverse-events', label: 'adverse events', categories: ['safety'] },
    ],
  },
  {
    id: 'ards-covid',
    name: 'ARDS and COVID-19',
    applies: { codes: ['U07.1', 'U07.2', 'J80'], names: ['COVID-19', 'COVID', 'SARS-CoV-2', 'ARDS', 'acute respiratory distress'], species: 'human' },
    expects: [
      { id: 'mortality', label: 'mortality', categories: ['survival'], names: ['mortality', 'survival', 'death'] },
      { id: 'oxygenation', label: 'respiratory support or oxygenation (e.g. PaO2/FiO2)', analytes: ['PaO2/FiO2', 'SpO2/FiO2', 'oxygenation index'], names: ['oxygenation', 'ventilat', 'oxygen', 'respiratory support', 'pao2'] },
      { id: 'who-cps', label: 'a WHO clinical progression scale (e.g. WHO-CPS 2020)', instruments: ['WHO-CPS 2020', 'WHO clinical progression scale', 'WHO ordinal scale', 'WHO-CPS'], names: ['clinical progression', 'ordinal scale', 'WHO scale'] },
      { id: 'adverse-events', label: 'adverse events', categories: ['safety'] },
    ],
  },
  {
    id: 'sepsis-animal',
    name: 'Sepsis (animal models)',
    applies: { codes: ['A41'], names: ['sepsis'], species: 'animal' },
    expects: [
      { id: 'survival', label: 'survival', categories: ['survival'], names: ['survival', 'mortality'] },
      { id: 'cytokines', label: 'inflammatory cytokines', analytes: ['IL-6', 'TNF-alpha', 'IL-1beta', 'IL-10', 'IL-4', 'IL-8', 'IL-17'], names: ['cytokine'] },
    ],
  },
];

/** Workspace profiles replace defaults with the same id and add the rest. */
export function mergeProfiles(defaults: readonly ConditionProfile[], workspace: readonly ConditionProfile[]): ConditionProfile[] {
  const byId = new Map(defaults.map((p) => [p.id, p]));
  for (const p of workspace) byId.set(p.id, p);
  return [...byId.values()];
}
