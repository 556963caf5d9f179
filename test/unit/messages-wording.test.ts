// The words, ranges and data of schema problems on real annotations, each branch of the
// wording once (survivors of the schema area's run): known properties listed or not, the
// reason a conditional rule applies, a registry's own id form, a count and a quantity named
// by what they are, long lists of allowed words cut, values YAML read as something else.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ErrorObject } from 'ajv';
import { validate } from '../../src/core';
import { toProblem } from '../../src/core/schema/messages';
import { ParseCache } from '../../src/core/yaml/cache';
import { trial } from '../helpers/studies';

/** The schema problems of a text: [code, message, covered text, data]. */
const said = (text: string) => validate(text).filter((p) => p.code.startsWith('schema-')).map((p) => [p.code, p.message, text.slice(p.start, p.end), p.data]);

describe('schema problems on annotations', () => {
  it('an unknown property lists the known ones where there are eight or fewer, and suggests nothing it cannot', () => {
    const known = ['id', 'title', 'title_source', 'type', 'status', 'phase', 'also_includes', 'keywords'];
    assert.deepEqual(said(trial((b) => b.replace('  title: Test trial\n', '  title: Test trial\n  zzzz: 1\n'))), [
      ['schema-unknown-property', `Unknown property \`zzzz\` in \`study\`. Known properties: ${known.join(', ')}.`, 'zzzz', { pointer: '/study', property: 'zzzz', suggestion: null, known }],
    ]);
    const [ten] = said(trial((b) => b.replace('  species: Homo sapiens\n', '  species: Homo sapiens\n  enrolled: many\n')));
    assert.equal(ten?.[1], 'Unknown property `enrolled` in `population`.', 'ten known properties: not listed');
  });

  it('a conditional rule says why it applies: the study type, the status, the field it hangs on', () => {
    assert.deepEqual(said(trial((b) => b.replace('type: single-arm trial', 'type: randomized controlled trial'))), [
      ['schema-enum', '`allocation` must be randomized for a randomized controlled trial (found `non-randomized`)', 'non-randomized', { pointer: '/design/allocation', found: 'non-randomized', allowed: ['randomized'], suggestion: null }],
    ]);
    assert.deepEqual(said(trial(undefined, 'completed')), [['schema-missing-property', 'The annotation is missing `results` once a study is completed.', 'study:', { pointer: '/', property: 'results' }]]);
    assert.deepEqual(said(trial((b) => b.replace('route: intravenous', 'route: other'))), [
      ['schema-missing-property', 'Item 1 of `interventions` is missing `route_description` because `route` is other.', 'product: cells', { pointer: '/arms/0/interventions/0', property: 'route_description' }],
    ]);
  });

  it("a registry's id is held to that registry's form, with its example", () => {
    assert.deepEqual(said(trial((b) => `${b}registration:\n  - registry: CTRI\n    id: CTRI-2020-05\n`)), [
      ['schema-pattern', "`id` must be a CTRI id such as 'CTRI/2020/05/025323' (found `CTRI-2020-05`).", 'CTRI-2020-05', { pointer: '/registration/0/id', found: 'CTRI-2020-05' }],
    ]);
    assert.deepEqual(said(trial((b) => `${b}registration:\n  - registry: ClinicalTrials.gov\n    id: NCT123\n`))[0]?.[1], "`id` must be a ClinicalTrials.gov id such as 'NCT01234567' (found `NCT123`).");
  });

  it('a field of a shared kind is named by the kind; a bare number where a quantity belongs lacks its unit', () => {
    assert.deepEqual(said(trial((b) => b.replace('    role: experimental\n', '    role: experimental\n    n: yes\n')))[0]?.[1], "`n` must be a count such as '12' (found `yes`).");
    assert.deepEqual(said(trial((b) => b.replace('dose: 1 10*6{cells}/kg', 'dose: 150'))), [
      ['schema-invalid', "`dose` must be a quantity such as '1.5 mL' or {value: 1.5, unit: mL} (found `150`: the unit is missing).", '150', { pointer: '/arms/0/interventions/0/dose' }],
    ]);
    assert.deepEqual(said(trial((b) => b.replace('dose: 1 10*6{cells}/kg', 'dose: lots')))[0]?.[1], "`dose` must be a quantity such as '1.5 mL' or {value: 1.5, unit: mL} (found `lots`).");
  });

  it('a long list of allowed words is cut after five; an empty list and a repeated item say so', () => {
    assert.deepEqual(said(trial((b) => b.replace('route: intravenous', 'route: intravenous\n        frequency: weekly-ish')))[0]?.[1], '`frequency` must be one of once, daily, twice weekly, weekly, every 2 weeks, … (found `weekly-ish`)');
    assert.deepEqual(said(trial((b) => b.replace('  allocation: non-randomized\n', '  allocation: 5\n')))[0]?.[3], { pointer: '/design/allocation', found: '5', allowed: ['randomized', 'non-randomized', 'not reported', 'n/a'], suggestion: null });
    assert.deepEqual(said(trial((b) => b.replace(/arms:\n[\s\S]*?timepoints:/, 'arms: []\ntimepoints:'))), [['schema-range', '`arms` must not be empty.', '[]', { pointer: '/arms', limit: 1 }]]);
    assert.deepEqual(said(trial((b) => b.replace('    timepoints: [w4]', '    timepoints: [w4, w4]'))), [['schema-duplicate-item', '`timepoints` lists `w4` twice.', 'w4', { pointer: '/endpoints/0/timepoints', index: 1 }]]);
  });
});

const doc = new ParseCache().parse('study:\n  q: ~\n  f: true\n  t: True\n  n: 7\n  h: 0x1F\n  m:\n    a: 1\n  w: word\nline: {a: 1}\n');
const error = (keyword: string, instancePath: string, params: Record<string, unknown>, schemaPath = '#/x'): ErrorObject => ({ keyword, instancePath, schemaPath, params });
const at = (p: { start: number; end: number }) => doc.text.slice(p.start, p.end);

describe('schema problems, from the error alone', () => {
  it('a word YAML read as empty, yes/no or a number, where that word is allowed: write it in quotes', () => {
    const enumOf = (path: string, allowed: string[]) => toProblem(error('enum', path, { allowedValues: allowed }), doc);
    const q = enumOf('/study/q', ['~', '<']);
    assert.equal(q.message, "`q`: YAML reads `~` written plain as an empty value (null), not as text; write it in quotes, '~'.");
    assert.deepEqual(q.data, { pointer: '/study/q', found: '~', allowed: ['~', '<'], suggestion: null });
    assert.equal(enumOf('/study/f', ['true', 'x']).message, "`f`: YAML reads `true` written plain as a yes/no value, not as text; write it in quotes, 'true'.");
    assert.equal(enumOf('/study/n', ['7', '8']).message, "`n`: YAML reads `7` written plain as a number, not as text; write it in quotes, '7'.");
  });
  it('six allowed words are all listed; an enum on a mapping finds no text', () => {
    const six = ['a', 'b', 'c', 'd', 'e', 'f'];
    assert.equal(toProblem(error('enum', '/study/w', { allowedValues: six }), doc).message, '`w` must be one of a, b, c, d, e, f (found `word`)');
    const onMap = toProblem(error('enum', '/study/m', { allowedValues: ['x', 'y'] }), doc);
    assert.deepEqual(onMap.data, { pointer: '/study/m', found: null, allowed: ['x', 'y'], suggestion: null });
    assert.equal(toProblem(error('enum', '/study/w', { allowedValues: ['words'] }), doc).message, '`w` must be words (found `word`: did you mean words?)');
    assert.equal((toProblem(error('enum', '/study/w', { allowedValues: ['words'] }), doc).data as { suggestion: string }).suggestion, 'words');
  });
  it('a number or yes/no written otherwise than it reads is shown as written', () => {
    const typeAt = (path: string) => toProblem(error('type', path, { type: 'string' }), doc).message;
    assert.equal(typeAt('/study/h'), '`h` must be text (found `0x1F` (read as 31)).');
    assert.equal(typeAt('/study/t'), '`t` must be text (found `True` (read as true)).');
    assert.equal(typeAt('/study/n'), '`n` must be text (found `7`).');
  });
  it('a missing field with two ways to give it; at the top, on the first line', () => {
    const both = toProblem(error('required', '/study/m', { missingProperty: 'value', branches: [['value'], ['low', 'high']] }), doc);
    assert.equal(both.message, '`m` is missing `value` (or `low` and `high`).');
    const top = toProblem(error('required', '', { missingProperty: 'design' }), doc);
    assert.equal(top.message, 'The annotation is missing `design`.');
    assert.equal(at(top), 'study:');
    assert.deepEqual(top.data, { pointer: '/', property: 'design' });
  });
  it('a block mapping is marked at its key, a one-line one at its value; items named by position', () => {
    assert.equal(at(toProblem(error('type', '/study/m', { type: 'string' }), doc)), 'm');
    assert.equal(at(toProblem(error('type', '/line', { type: 'string' }), doc)), '{a: 1}');
    assert.match(toProblem(error('type', '/arms/10', { type: 'object' }), doc).message, /^Item 11 of `arms` must be/);
    assert.match(toProblem(error('type', '/3', { type: 'object' }), doc).message, /^Item 4 of the list must be/);
  });
  it('length limits are range problems', () => {
    assert.equal(toProblem(error('maxLength', '/study/w', { limit: 2 }), doc).code, 'schema-range');
    assert.equal(toProblem(error('minItems', '/study/w', { limit: 1 }), doc).code, 'schema-range');
  });
});
