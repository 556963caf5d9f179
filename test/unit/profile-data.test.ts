// Every fact in the shipped condition profiles does what it says: each code and each name brings
// its profile, and each instrument, analyte, category and name fragment meets its expectation.
// (A profile entry mistyped or lost would otherwise go unnoticed.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conditionProfilesCheck } from '../../src/core/checks/condition-profiles';
import { DEFAULT_PROFILES, mergeProfiles, type ConditionProfile } from '../../src/core/profiles/profile';
import { ParseCache } from '../../src/core/yaml/cache';

/** A study (as JSON, which is YAML) of one condition, in the profile's species, with these endpoints. */
function study(profile: ConditionProfile, condition: Record<string, string>, endpoints: Record<string, string>[]): string {
  const population = profile.applies.species === 'animal' ? { species: 'Mus musculus', disease_model: { name: 'model' }, condition } : { condition };
  return JSON.stringify({ population, endpoints: endpoints.map((e, i) => ({ id: `e${i}`, name: 'an endpoint', ...e })) });
}

/** The expectations of `profile` that the study leaves unmet. */
function missing(profile: ConditionProfile, text: string): string[] {
  const problems = conditionProfilesCheck.check(new ParseCache().parse(text), { profiles: DEFAULT_PROFILES });
  return problems.filter((p) => (p.data as { profile: string }).profile === profile.id).map((p) => (p.data as { expected: string }).expected);
}

/**
 * The shipped outcome sets as the seed documents give them, written out here: the behaviour below
 * runs over this table, not over the data it checks, so a value lost or mistyped in the data
 * fails (a test that read the data would test the typo).
 */
const SHIPPED = {
  sle: {
    species: 'human',
    codes: ['M32'],
    names: ['lupus', 'SLE'],
    expects: {
      'disease-activity': { instruments: ['SLEDAI-2K', 'SLEDAI-2000', 'SLEDAI', 'MEX-SLEDAI', 'SELENA-SLEDAI', 'BILAG'], names: ['SLEDAI'] },
      c3: { analytes: ['C3'] },
      c4: { analytes: ['C4'] },
      'anti-dsdna': { analytes: ['anti-dsDNA'] },
      'adverse-events': { categories: ['safety'] },
    },
  },
  'knee-oa': {
    species: 'human',
    codes: ['M17'],
    names: ['knee osteoarthritis', 'osteoarthritis of the knee'],
    expects: {
      'pain-function': { instruments: ['WOMAC', 'KOOS', 'VAS', 'NRS', 'Lequesne', 'IKDC'], categories: ['clinical score'] },
      'cartilage-imaging': { instruments: ['MRI', 'X-ray', 'radiograph', 'ultrasound'], categories: ['imaging'] },
      'adverse-events': { categories: ['safety'] },
    },
  },
  'ards-covid': {
    species: 'human',
    codes: ['U07.1', 'U07.2', 'J80'],
    names: ['COVID-19', 'COVID', 'SARS-CoV-2', 'ARDS', 'acute respiratory distress'],
    expects: {
      mortality: { categories: ['survival'], names: ['mortality', 'survival', 'death'] },
      oxygenation: { analytes: ['PaO2/FiO2', 'SpO2/FiO2', 'oxygenation index'], names: ['oxygenation', 'ventilat', 'oxygen', 'respiratory support', 'pao2'] },
      'who-cps': { instruments: ['WHO-CPS 2020', 'WHO clinical progression scale', 'WHO ordinal scale', 'WHO-CPS'], names: ['clinical progression', 'ordinal scale', 'WHO scale'] },
      'adverse-events': { categories: ['safety'] },
    },
  },
  'sepsis-animal': {
    species: 'animal',
    codes: ['A41'],
    names: ['sepsis'],
    expects: {
      survival: { categories: ['survival'], names: ['survival', 'mortality'] },
      cytokines: { analytes: ['IL-6', 'TNF-alpha', 'IL-1beta', 'IL-10', 'IL-4', 'IL-8', 'IL-17'], names: ['cytokine'] },
    },
  },
} as const;

type Ways = { instruments?: readonly string[]; analytes?: readonly string[]; categories?: readonly string[]; names?: readonly string[] };

describe('the shipped condition profiles', () => {
  it('are the outcome sets of the seed documents, no more and no less', () => {
    assert.deepEqual(
      DEFAULT_PROFILES.map((p) => [p.id, p.applies.species, p.applies.codes, p.applies.names, Object.fromEntries(p.expects.map(({ id, label: _label, ...ways }) => [id, ways]))]),
      Object.entries(SHIPPED).map(([id, p]) => [id, p.species, p.codes, p.names, p.expects]),
    );
  });
  for (const [id, shipped] of Object.entries(SHIPPED)) {
    const profile = DEFAULT_PROFILES.find((p) => p.id === id) as ConditionProfile;
    const all = Object.keys(shipped.expects);
    it(`${id}: each code and each name brings the profile`, () => {
      for (const code of shipped.codes) assert.deepEqual(missing(profile, study(profile, { code: `${code}.9`, name: 'unrelated' }, [{}])), all, code);
      for (const name of shipped.names) assert.deepEqual(missing(profile, study(profile, { name: `severe ${name} flare` }, [{}])), all, name);
    });
    it(`${id}: each instrument, analyte, category and name fragment meets its expectation`, () => {
      for (const [expected, ways] of Object.entries(shipped.expects) as [string, Ways][]) {
        const endpoints = [
          ...(ways.instruments ?? []).map((instrument) => ({ instrument })),
          ...(ways.analytes ?? []).map((analyte) => ({ analyte })),
          ...(ways.categories ?? []).map((category) => ({ category })),
          ...(ways.names ?? []).map((name) => ({ name: `change in ${name} at week 4` })),
        ];
        for (const way of endpoints) {
          assert.deepEqual(missing(profile, study(profile, { code: shipped.codes[0] }, [way])), all.filter((e) => e !== expected), `${expected} by ${JSON.stringify(way)}`);
        }
      }
    });
  }

  it('a workspace profile replaces the default of its id and keeps the others, in order', () => {
    const mine: ConditionProfile = { id: 'knee-oa', name: 'Mine', applies: { codes: ['M17'] }, expects: [] };
    const extra: ConditionProfile = { id: 'extra', name: 'Extra', applies: { names: ['x'] }, expects: [] };
    const merged = mergeProfiles(DEFAULT_PROFILES, [mine, extra]);
    assert.deepEqual(merged.map((p) => p.id), [...DEFAULT_PROFILES.map((p) => p.id), 'extra']);
    assert.equal(merged.find((p) => p.id === 'knee-oa'), mine);
    assert.equal(DEFAULT_PROFILES.find((p) => p.id === 'knee-oa')?.name, 'Knee osteoarthritis', 'the defaults untouched');
  });
});
