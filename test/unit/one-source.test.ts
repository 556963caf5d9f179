import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { STUDY_TYPES } from '../../src/core';
import { CHECKS } from '../../src/core/checks/registry';
import { referencePaths, schemaStudyTypes, TRIAL_TYPES } from '../../src/core/schema/schema';
import { DEFAULT_PREFERRED_UNITS } from '../../src/core/units/preferred';
import { DIMENSIONS } from '../../src/core/units/dimensions';
import { ROOT } from '../helpers/studies';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Facts written in more than one place are checked to agree, where one place cannot import the other. */
describe('one source for each fact', () => {
  it('the disabledChecks setting offers exactly the checks the core runs, each described', () => {
    const setting = manifest.contributes.configuration.properties['studyAnnotator.validation.disabledChecks'].items;
    assert.deepEqual(setting.enum, CHECKS.map((c) => c.name));
    assert.equal(setting.enumDescriptions.length, setting.enum.length);
  });
  it('templates exist for exactly the schema study types, in its order', () => {
    assert.deepEqual([...STUDY_TYPES], schemaStudyTypes());
  });
  it('trials are what the schema calls trials', () => {
    assert.deepEqual([...TRIAL_TYPES], ['randomized controlled trial', 'non-randomized trial', 'single-arm trial']);
  });
  it('reference fields and their lists come from the schema', () => {
    assert.deepEqual(
      referencePaths().map((r) => `${r.path.join('.')} -> ${r.collection}`),
      [
        'arms.*.interventions.*.product -> products',
        'endpoints.*.timepoints.* -> timepoints',
        'results.*.endpoint -> endpoints',
        'results.*.arm -> arms',
        'results.*.comparator -> arms',
        'results.*.timepoint -> timepoints',
        'safety.adverse_events.*.arm -> arms',
      ],
    );
  });
  it("the preferredUnits setting offers each kind's units, and defaults to the core's preferences", () => {
    const setting = manifest.contributes.configuration.properties['studyAnnotator.preferredUnits'];
    assert.deepEqual(setting.default, DEFAULT_PREFERRED_UNITS);
    assert.deepEqual(
      Object.entries(setting.properties as Record<string, { enum: string[] }>).map(([id, p]) => [id, p.enum]),
      DIMENSIONS.map((d) => [d.id, [...d.units.map((u) => u.replace('{X}', '{cells}')), '']]),
    );
  });
  it('every setting has an order and a scope', () => {
    const props = manifest.contributes.configuration.properties as Record<string, { order?: number; scope?: string }>;
    assert.deepEqual(Object.entries(props).filter(([, p]) => p.order === undefined || !p.scope).map(([k]) => k), []);
  });
});
