import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository root: the nearest folder above this file with a package.json (tests also run bundled, from .cache). */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const ROOT = findRoot(__dirname);
export const EXAMPLES = path.join(ROOT, 'examples');
export const INVALID = path.join(EXAMPLES, 'invalid');

export function studyFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.study.yaml'))
    .map((f) => path.join(dir, f));
}

export function read(file: string): string {
  return readFileSync(file, 'utf8');
}

const CURATION = `curation:
  curator: Test
  date: 2026-11-22
  status: draft
  schema_version: 1.0.0
`;

/** A valid single-arm trial; `edit` rewrites it to introduce exactly one problem. */
export function trial(edit?: (base: string) => string, status = 'recruiting'): string {
  const base = `study:
  id: test-trial
  title: Test trial
  type: single-arm trial
  status: ${status}
design:
  allocation: non-randomized
population:
  species: Homo sapiens
products:
  - id: cells
    kind: cells
arms:
  - id: treated
    role: experimental
    interventions:
      - product: cells
        dose: 1 10*6{cells}/kg
        route: intravenous
timepoints:
  - id: w4
    at: 4 wk
endpoints:
  - id: ae
    name: Adverse events
    priority: safety
    category: safety
    timepoints: [w4]
${CURATION}`;
  if (!edit) return base;
  const out = edit(base);
  if (out === base) throw new Error('edit did not change the base study');
  return out;
}

/** A valid narrative review plus extra top-level text. */
export function review(extra = ''): string {
  return `study:
  id: test-review
  title: Test review
  type: narrative review
  status: planned
review:
  scope: Test scope
${extra}${CURATION}`;
}

/**
 * How many random cases a property test tries. Mutation testing runs every test file once per
 * surviving mutant, so there (STUDY_MUTATION is set by test/mutation/build.mjs) a tenth suffices.
 */
export function runs(n: number): number {
  return process.env.STUDY_MUTATION ? Math.max(15, Math.round(n / 10)) : n;
}
