// Reading the shipped schema: the schema under an instance path (through a field's two forms,
// list indexes as numbers or digits), the words a field allows, the paths derived from it
// once, and the facts read from it at load.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedValues, numberAsTextPaths, quantityPaths, referencePaths, schemaAt, SCHEMA_VERSION, STUDY_ID_PATTERN, studySchema } from '../../src/core/schema/schema';

describe('the schema under an instance path', () => {
  it('a list index is a number or a string of digits, of any length', () => {
    const id = schemaAt(['arms', 0, 'id']);
    assert.equal(id?.title, schemaAt(['arms', '0', 'id'])?.title);
    assert.ok(id?.title, 'an arm id has a title');
    assert.equal(schemaAt(['arms', '12', 'id'])?.title, id.title);
    assert.equal(schemaAt(['arms', 12, 'id'])?.title, id.title);
  });

  it('goes through the branch of a two-form field that has items or properties', () => {
    // `endpoints`: a list of endpoints, or {not_reported}.
    assert.equal(schemaAt(['endpoints', 3])?.title, studySchema.$defs?.endpoint?.title);
    assert.ok(schemaAt(['endpoints', 3, 'name']), 'an endpoint name');
    assert.equal(schemaAt(['endpoints', 'not_reported'])?.title, 'Not reported');
    // `frequency`: a word (first branch, no properties), or {times, per}.
    assert.equal(schemaAt(['arms', 0, 'interventions', 0, 'frequency', 'times'])?.type, 'integer');
    assert.equal(schemaAt(['arms', 0, 'interventions', 0, 'frequency', 'per'])?.title, 'Per');
  });

  it('is undefined past a field the schema does not have, however deep', () => {
    assert.equal(schemaAt(['study', 'no_such_field']), undefined);
    assert.equal(schemaAt(['study', 'no_such_field', 'deeper', 0]), undefined);
    assert.equal(schemaAt(['study', 'id', 0]), undefined, 'a string has no items');
  });
});

describe('the words a field allows', () => {
  it('its enum, or the enum of its one branch that has one; none for no schema', () => {
    assert.deepEqual(allowedValues(undefined), []);
    assert.ok(allowedValues(schemaAt(['study', 'type'])).includes('randomized controlled trial'));
    assert.ok(allowedValues(schemaAt(['arms', 0, 'interventions', 0, 'frequency'])).includes('weekly'));
    assert.deepEqual(allowedValues(schemaAt(['endpoints'])), [], 'two branches, neither an enum');
  });
});

describe('paths read from the schema once', () => {
  const keys = (paths: readonly (readonly string[])[]) => paths.map((p) => p.join('.'));
  it('no path is listed twice (one fault, one problem)', () => {
    for (const paths of [quantityPaths(), referencePaths().map((r) => r.path), numberAsTextPaths()]) {
      assert.equal(new Set(keys(paths)).size, paths.length);
    }
  });
  it('quantities and numbers-as-text include fields in both forms of a two-form field', () => {
    assert.ok(keys(quantityPaths()).includes('arms.*.interventions.*.dose'));
    assert.ok(keys(quantityPaths()).includes('arms.*.interventions.*.frequency.per'), 'inside the {times, per} form');
    assert.ok(keys(numberAsTextPaths()).length > 0);
  });
  it('the schema version and the study-id pattern are the schema\'s', () => {
    assert.equal(SCHEMA_VERSION, studySchema['x-schema-version']);
    assert.match(SCHEMA_VERSION, /^\d+\.\d+\.\d+$/);
    assert.equal(STUDY_ID_PATTERN, '^[a-z0-9]+(-[a-z0-9]+)*$');
  });
});
