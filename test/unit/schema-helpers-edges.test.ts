// The schema area's helpers at their edges (survivors of its mutation run): spelling
// suggestions, folding ajv's errors, the cap on schema problems, significant figures, unit
// synonyms and annotations, and reading a workspace profiles file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ErrorObject } from 'ajv';
import { parseProfiles } from '../../src/core/profiles/parse';
import { MAX_PROBLEMS } from '../../src/core/problem';
import { foldErrors } from '../../src/core/schema/fold';
import { distance, suggest } from '../../src/core/schema/suggest';
import { checkSchema } from '../../src/core/schema/validator';
import { roundTo, significantFigures } from '../../src/core/units/number-text';
import { annotationsOf, normaliseUnit } from '../../src/core/units/synonyms';
import { ParseCache } from '../../src/core/yaml/cache';

describe('suggesting a spelling', () => {
  it('trims what was found, and suggests nothing for a blank', () => {
    assert.equal(suggest('  Weekly ', ['weekly', 'daily']), 'weekly');
    assert.equal(suggest('   ', ['a'], { '': 'x' }), undefined);
  });
  it('an alias written exactly wins over one that differs only in case', () => {
    assert.equal(suggest('Q', [], { q: 'lower', Q: 'upper' }), 'upper');
    assert.equal(suggest('q', [], { Q: 'upper' }), 'upper');
  });
  it('a single candidate it begins, from three letters on', () => {
    assert.equal(suggest('wee', ['weekly', 'daily']), 'weekly');
    assert.equal(suggest('we', ['weekly', 'daily']), undefined);
  });
  it('counts words without empty ones at the ends', () => {
    assert.equal(suggest('weekly-', ['weekly', 'every 2 weeks']), 'weekly');
  });
  it('of two candidates as near, the first', () => {
    assert.equal(suggest('cat', ['bat', 'cut']), 'bat');
    assert.equal(suggest('cat', ['cut', 'bat']), 'cut');
  });
  it('measures distance in full up to 64 characters, and caps it past that', () => {
    const a = 'a'.repeat(64);
    const b = `${'a'.repeat(63)}b`;
    assert.equal(distance(a, b), 1);
    assert.equal(distance(b, a), 1);
    assert.equal(distance(`${a}a`, `${a}a`), 64, '65 characters: capped');
    assert.equal(distance(a, `${a}a`), 65);
  });
});

/** An ajv error at `instancePath` from the schema at `schemaPath`. */
const err = (instancePath: string, keyword: string, schemaPath: string, params: Record<string, unknown> = {}): ErrorObject => ({ instancePath, keyword, schemaPath, params });

describe('folding schema errors', () => {
  it('an error at a path that only begins like the oneOf\'s stays out of its group', () => {
    const before = err('/arms/10', 'required', '#/properties/arms/items/required', { missingProperty: 'id' });
    const oneOf = err('/arms/1', 'oneOf', '#/properties/arms/items/oneOf', { passingSchemas: null });
    assert.deepEqual(foldErrors([before, oneOf]), [before, oneOf]);
  });
  it('a type error below the value does not mark its branch as the wrong type', () => {
    const deep = err('/x/a', 'type', '#/properties/x/oneOf/0/properties/a/type', { type: 'string' });
    const missing = err('/x', 'required', '#/properties/x/oneOf/0/required', { missingProperty: 'b' });
    const oneOf = err('/x', 'oneOf', '#/properties/x/oneOf', { passingSchemas: null });
    assert.deepEqual(foldErrors([deep, missing, oneOf]), [deep, missing]);
  });
  it('folds the branches only when every one is a missing field of the value itself', () => {
    const missing = err('/x', 'required', '#/properties/x/oneOf/0/required', { missingProperty: 'value' });
    const word = err('/x', 'enum', '#/properties/x/oneOf/1/enum', { allowedValues: ['a'] });
    const oneOf = err('/x', 'oneOf', '#/properties/x/oneOf', { passingSchemas: null });
    assert.deepEqual(foldErrors([missing, word, oneOf]), [missing, word]);
    const other = err('/x', 'required', '#/properties/x/oneOf/1/required', { missingProperty: 'low' });
    assert.deepEqual(foldErrors([missing, other, oneOf]).map((e) => e.params), [{ missingProperty: 'value', branches: [['value'], ['low']] }]);
  });
  it('says one error once', () => {
    const e = err('/a', 'type', '#/properties/a/type', { type: 'string' });
    assert.deepEqual(foldErrors([e, { ...e }]), [e]);
  });
});

describe('the cap on schema problems', () => {
  it('words one more than the cap, and counts the rest', () => {
    const head = 'study:\n  id: x\n';
    const others = checkSchema(new ParseCache().parse(head)).problems.length; // the sections this study lacks
    const n = MAX_PROBLEMS + 5;
    const result = checkSchema(new ParseCache().parse(`${head}${Array.from({ length: n }, (_, i) => `k${i}: 1\n`).join('')}`));
    assert.ok(others > 0);
    assert.equal(result.problems.length, MAX_PROBLEMS + 1);
    assert.equal(result.omitted, n + others - (MAX_PROBLEMS + 1));
    assert.ok(result.problems.filter((p) => p.code === 'schema-unknown-property').length >= MAX_PROBLEMS + 1 - others);
  });
});

describe('written numbers and units', () => {
  it('trailing zeros of a whole number are placeholders, inner zeros are not', () => {
    assert.equal(significantFigures('10050'), 4);
    assert.equal(significantFigures('1050'), 3);
    assert.equal(significantFigures('100.0'), 4);
  });
  it('rounds zero and the infinities to themselves', () => {
    assert.equal(roundTo(0, 3), 0);
    assert.equal(roundTo(Infinity, 3), Infinity);
    assert.equal(roundTo(-Infinity, 3), -Infinity);
    assert.equal(roundTo(1.23456, 3), 1.23);
  });
  it('vesicle counts in the words curators use', () => {
    assert.equal(normaliseUnit('exosome').ucum, '{exosomes}');
    assert.equal(normaliseUnit('nano vesicles/kg').ucum, '{vesicles}/kg');
    assert.equal(normaliseUnit('Nanovesicles').ucum, '{vesicles}');
  });
  it('annotations in any order and case are the same annotations', () => {
    assert.deepEqual(annotationsOf('{Cells}/{kg}'), ['cells', 'kg']);
    assert.deepEqual(annotationsOf('{kg}/{cells}'), ['cells', 'kg']);
  });
});

describe('a workspace profiles file', () => {
  const profile = { id: 'p', name: 'P', applies: { conditions: ['x'] }, expects: [{ id: 'e', label: 'E' }] };
  it('that is not YAML says so, with the parser\'s first line', () => {
    const r = parseProfiles('a: [');
    assert.ok('error' in r && /^not valid YAML \(.+\)$/.test(r.error), JSON.stringify(r));
  });
  it('needs id, name, applies and expects in each profile, by number', () => {
    for (const drop of ['id', 'name', 'applies', 'expects'] as const) {
      const { [drop]: _gone, ...rest } = profile;
      assert.deepEqual(parseProfiles(JSON.stringify([profile, rest])), { error: 'profile 2 needs id, name, applies and expects' }, drop);
    }
    assert.deepEqual(parseProfiles(JSON.stringify([{ ...profile, name: 3 }])), { error: 'profile 1 needs id, name, applies and expects' });
  });
  it('needs id and label in each expected endpoint, by number', () => {
    for (const expects of [[{ id: 'e', label: 'E' }, { label: 'F' }], [{ id: 'e', label: 'E' }, { id: 'f' }], [{ id: 'e', label: 'E' }, null]]) {
      assert.deepEqual(parseProfiles(JSON.stringify({ profiles: [{ ...profile, expects }] })), { error: 'profile p: expected endpoint 2 needs id and label' });
    }
    assert.deepEqual(parseProfiles(JSON.stringify({ profiles: [profile] })), { profiles: [profile] });
  });
});
