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

describe('the shipped condition profiles', () => {
  for (const profile of DEFAULT_PROFILES) {
    const all = profile.expects.map((e) => e.id);
    it(`${profile.id}: each code and each name brings the profile`, () => {
      for (const code of profile.applies.codes ?? []) assert.deepEqual(missing(profile, study(profile, { code: `${code}.9`, name: 'unrelated' }, [{}])), all, code);
      for (const name of profile.applies.names ?? []) assert.deepEqual(missing(profile, study(profile, { name: `severe ${name} flare` }, [{}])), all, name);
    });
    it(`${profile.id}: each instrument, analyte, category and name fragment meets its expectation`, () => {
      const code = (profile.applies.codes ?? [])[0] as string;
      for (const expected of profile.expects) {
        const ways = [
          ...(expected.instruments ?? []).map((instrument) => ({ instrument })),
          ...(expected.analytes ?? []).map((analyte) => ({ analyte })),
          ...(expected.categories ?? []).map((category) => ({ category })),
          ...(expected.names ?? []).map((name) => ({ name: `change in ${name} at week 4` })),
        ];
        assert.ok(ways.length > 0, `${expected.id} can be met`);
        for (const way of ways) {
          assert.deepEqual(missing(profile, study(profile, { code }, [way])), all.filter((id) => id !== expected.id), `${expected.id} by ${JSON.stringify(way)}`);
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
