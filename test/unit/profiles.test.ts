/**
 * The shipped condition profiles, entry by entry: every instrument, analyte, category and name
 * fragment they list is met by an endpoint that records just that, and every code and name
 * they apply to selects them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '../../src/core';
import { DEFAULT_PROFILES } from '../../src/core/profiles/profile';
import { trial } from '../helpers/studies';

function study(profileSpecies: 'human' | 'animal' | undefined, condition: string, endpoint: string): string {
  const species = profileSpecies === 'animal' ? 'Rattus norvegicus' : 'Homo sapiens';
  return trial((b) => b.replace('  species: Homo sapiens\n', `  species: ${species}\n${condition}`).replace('    timepoints: [w4]\n', `    timepoints: [w4]\n${endpoint}`));
}

const missingIds = (text: string, profile: string) =>
  validate(text)
    .filter((p) => p.code === 'profile-endpoint-missing' && p.data.profile === profile)
    .map((p) => (p.data as { expected: string }).expected);

describe('shipped condition profiles', () => {
  for (const profile of DEFAULT_PROFILES) {
    const byName = `  condition:\n    name: ${profile.applies.names?.[0]}\n`;
    for (const name of profile.applies.names ?? []) {
      it(`${profile.id} applies to a condition named "${name}"`, () => {
        assert.ok(missingIds(study(profile.applies.species, `  condition:\n    name: ${name}\n`, ''), profile.id).length > 0);
      });
    }
    for (const code of profile.applies.codes ?? []) {
      it(`${profile.id} applies to code ${code} and its subcodes`, () => {
        assert.ok(missingIds(study(profile.applies.species, `  condition:\n    name: x\n    code: ${code}.9\n`, ''), profile.id).length > 0);
      });
    }
    for (const expected of profile.expects) {
      const fields: [string, string[] | undefined][] = [['instrument', expected.instruments], ['analyte', expected.analytes], ['category', expected.categories]];
      for (const [field, values] of fields) {
        for (const value of values ?? []) {
          it(`${profile.id}: an endpoint with ${field} ${value} meets "${expected.label}"`, () => {
            const text = study(profile.applies.species, byName, `  - id: x\n    name: x\n    ${field}: ${JSON.stringify(value)}\n    timepoints: [w4]\n`);
            assert.ok(!missingIds(text, profile.id).includes(expected.id));
          });
        }
      }
      for (const fragment of expected.names ?? []) {
        it(`${profile.id}: an endpoint named "... ${fragment} ..." meets "${expected.label}"`, () => {
          const text = study(profile.applies.species, byName, `  - id: x\n    name: Change in ${fragment.toUpperCase()} score\n    timepoints: [w4]\n`);
          assert.ok(!missingIds(text, profile.id).includes(expected.id));
        });
      }
    }
  }
  it('the shipped profiles and their labels', () => {
    assert.deepEqual(
      DEFAULT_PROFILES.map((p) => `${p.id} (${p.name}): ${p.expects.map((e) => e.label).join('; ')}`),
      [
        'sle (Systemic lupus erythematosus): a disease activity index (SLEDAI-2K or MEX-SLEDAI); complement C3; complement C4; anti-dsDNA; adverse events',
        'knee-oa (Knee osteoarthritis): a pain and function score (e.g. WOMAC); imaging of cartilage (e.g. MRI); adverse events',
      'ards-covid (ARDS and COVID-19): mortality; respiratory support or oxygenation (e.g. PaO2/FiO2); a WHO clinical progression scale (e.g. WHO-CPS 2020); adverse events',
        'sepsis-animal (Sepsis (animal models)): survival; inflammatory cytokines',
      ],
    );
  });
});
