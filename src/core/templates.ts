import { SCHEMA_VERSION } from './schema/schema';

export const STUDY_TYPES = [
  'randomized controlled trial',
  'non-randomized trial',
  'single-arm trial',
  'cohort',
  'preclinical in vivo',
  'in vitro',
  'narrative review',
  'systematic review',
  'registered protocol',
] as const;

export type StudyType = (typeof STUDY_TYPES)[number];

const TRIAL_BODY = `design:
  allocation: {allocation}
population:
  species: Homo sapiens
  condition:
    name: condition studied
products:
  - id: product
    name: Product as named in the source
    kind: secretome
arms:
  - id: treated
    label: Treated
    role: experimental
    interventions:
      - product: product
        dose: 1 mL
        route: intravenous
timepoints:
  - id: baseline
    label: baseline
    relative_to: baseline
endpoints:
  - id: adverse-events
    name: Adverse events
    priority: safety
    category: safety
    timepoints: [baseline]
`;

const BODIES: Record<StudyType, string> = {
  'randomized controlled trial': TRIAL_BODY.replace('{allocation}', 'randomized'),
  'non-randomized trial': TRIAL_BODY.replace('{allocation}', 'non-randomized'),
  'single-arm trial': TRIAL_BODY.replace('{allocation}', 'non-randomized'),
  cohort: `population:
  species: Homo sapiens
timepoints:
  - id: baseline
    label: baseline
endpoints:
  - id: outcome
    name: Outcome as named in the source
    timepoints: [baseline]
`,
  'preclinical in vivo': `population:
  species: Rattus norvegicus
  sex: male
  disease_model:
    name: disease modelled
products:
  - id: product
    kind: conditioned medium
arms:
  - id: control
    role: disease control
  - id: treated
    role: experimental
    interventions:
      - product: product
        dose: 150 uL
        route: intraperitoneal
timepoints:
  - id: h48
    at: 48 h
    relative_to: induction
endpoints:
  - id: outcome
    name: Outcome as named in the source
    timepoints: [h48]
`,
  'in vitro': `products:
  - id: product
    kind: exosomes
timepoints:
  - id: h24
    at: 24 h
endpoints:
  - id: outcome
    name: Outcome as named in the source
    timepoints: [h24]
`,
  'narrative review': `review:
  scope: What the review covers
`,
  'systematic review': `review:
  scope: What the review covers
  search:
    databases: [PubMed]
`,
  'registered protocol': `registration:
  - registry: ClinicalTrials.gov
    id: NCT00000000
timepoints:
  - id: baseline
    label: baseline
endpoints:
  - id: outcome
    name: Outcome as named in the registry
    priority: primary
    timepoints: [baseline]
  - id: adverse-events
    name: Adverse events
    priority: safety
    category: safety
    timepoints: [baseline]
`,
};

/** A new annotation of the given type that validates without errors: every required section, placeholder values. */
export function studyTemplate(type: StudyType, id: string, curator: string, today: string): string {
  const status = type === 'registered protocol' ? 'recruiting' : 'planned';
  return `study:
  id: ${id}
  title: Title as published
  type: ${type}
  status: ${status}
${BODIES[type]}curation:
  curator: ${curator}
  date: ${today}
  status: draft
  schema_version: ${SCHEMA_VERSION}
`;
}
