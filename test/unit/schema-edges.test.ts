/**
 * Edges of the schema messages, suggestions, unit synonyms, UCUM guards, number forms and the
 * profiles file: each wording branch and each threshold with a case of its own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseProfiles, validate } from '../../src/core';
import { DEFAULT_PROFILES, mergeProfiles } from '../../src/core/profiles/profile';
import { distance, suggest } from '../../src/core/schema/suggest';
import { parseNumber, parseQuantityText } from '../../src/core/units/quantity';
import { annotationsOf, normaliseUnit } from '../../src/core/units/synonyms';
import { checkUcum, commensurable, convert, unitInfo } from '../../src/core/units/ucum';
import { review, trial } from '../helpers/studies';

const messages = (text: string) => validate(text).filter((p) => p.severity !== 'info').map((p) => `${p.code}: ${p.message}`);

describe('schema messages: every wording branch', () => {
  const citation = (body: string) => review(`citation:\n  kind: journal article\n${body}`);
  it('minimum and maximum', () => {
    assert.deepEqual(messages(citation('  year: 1700\n')), ['schema-range: `year` must be at least 1800 (found `1700`).']);
    assert.deepEqual(messages(citation('  month: 13\n')), ['schema-range: `month` must be at most 12 (found `13`).']);
  });
  it('integers, booleans and the empty value are named in words', () => {
    assert.deepEqual(messages(citation('  year: 2025.5\n')), ['schema-type: `year` must be a whole number (found `2025.5`).']);
    assert.deepEqual(messages(citation('  year: true\n')), ['schema-type: `year` must be a whole number (found `true`).']);
  });
  it('a format: the URI', () => {
    assert.deepEqual(messages(citation('  url: not a uri\n')), ['schema-format: `url` must be a valid URI (found `not a uri`).']);
  });
  it('a list that must hold distinct items names the repeated one, at its second place', () => {
    const text = review().replace('  scope: Test scope\n', '  scope: Test scope\n  factors: [storage, dose, storage]\n');
    const [p] = validate(text).filter((x) => x.code === 'schema-duplicate-item');
    assert.equal(p?.message, '`factors` lists `storage` twice.');
    assert.equal(text.slice(p?.start, p?.end), 'storage');
    assert.equal(p?.start, text.lastIndexOf('storage'));
    assert.deepEqual(p?.data, { pointer: '/review/factors', index: 2 });
  });
  it('an unknown property lists the known ones when there are eight or fewer, and suggests by spelling', () => {
    const few = trial((b) => b.replace('  allocation: non-randomized\n', '  allocation: non-randomized\n  bogus: 1\n'));
    assert.match(messages(few)[0] ?? '', /^schema-unknown-property: Unknown property `bogus` in `design`\.( Known properties: .*)?$/);
    const top = trial() + 'bogus: 1\n';
    assert.match(messages(top)[0] ?? '', /^schema-unknown-property: Unknown property `bogus` at the top level\.$/);
  });
  it('a value that is an alias of an allowed one suggests it; a value the alias table lacks falls back to spelling', () => {
    assert.match(messages(trial((b) => b.replace('type: single-arm trial', 'type: RCT')))[0] ?? '', /found `RCT`: did you mean randomized controlled trial\?/);
    assert.match(messages(trial((b) => b.replace('type: single-arm trial', 'type: rct')))[0] ?? '', /did you mean randomized controlled trial\?/);
    assert.match(messages(trial((b) => b.replace('allocation: non-randomized', 'allocation: non-randomised')))[0] ?? '', /did you mean non-randomized\?/);
  });
  it('the p-value names its expected forms', () => {
    const result = (p: string) => messages(trial() + `results:\n  - endpoint: ae\n    arm: treated\n    p: ${p}\n`).join('\n');
    assert.equal(result('1.5'), 'schema-range: `p` must be at most 1 (found `1.5`).');
    assert.equal(result('"about 0.05"'), "schema-pattern: `p` must be a p-value such as 0.03 or '<0.05' (found `about 0.05`).");
  });
  it('a missing property of the root names the annotation; of an item, the item', () => {
    assert.deepEqual(messages('study:\n  id: x\n  title: t\n  type: cohort\n  status: planned\n'), [
      'schema-missing-property: The annotation is missing `population` for a cohort.',
      'schema-missing-property: The annotation is missing `endpoints` for a cohort.',
      'schema-missing-property: The annotation is missing `curation`.',
    ]);
  });
});

describe('suggestions', () => {
  it('prefers an alias, then the same word in another case, then a unique prefix, then the nearest spelling', () => {
    assert.equal(suggest('IV', ['intravenous', 'intramuscular'], { IV: 'intravenous' }), 'intravenous');
    assert.equal(suggest('iv', ['intravenous', 'intramuscular'], { IV: 'intravenous' }), 'intravenous');
    assert.equal(suggest('Intravenous', ['intravenous']), 'intravenous');
    assert.equal(suggest('intrav', ['intravenous', 'intramuscular']), 'intravenous');
    assert.equal(suggest('intra', ['intravenous', 'intramuscular']), undefined, 'two prefixes: no guess');
    assert.equal(suggest('in', ['intravenous']), undefined, 'a prefix shorter than three letters is no guess');
    assert.equal(suggest('intravenus', ['intravenous', 'intramuscular']), 'intravenous');
    assert.equal(suggest('', ['a']), undefined);
    assert.equal(suggest('   ', ['a']), undefined);
  });
  it('allows one edit per three letters, at least one', () => {
    assert.equal(suggest('ab', ['ac']), 'ac');
    assert.equal(suggest('ab', ['cd']), undefined);
    assert.equal(suggest('abcdef', ['abcdxy']), 'abcdxy');
    assert.equal(suggest('abcdef', ['abxyzf']), undefined);
  });
  it('Levenshtein distance, capped for long strings', () => {
    assert.equal(distance('kitten', 'sitting'), 3);
    assert.equal(distance('', 'abc'), 3);
    assert.equal(distance('abc', 'abc'), 0);
    assert.equal(distance('a'.repeat(65), 'a'), 64 + 64);
    assert.equal(distance('a', 'b'.repeat(70)), 69 + 64);
  });
});

describe('unit synonyms', () => {
  const table: [string, string][] = [
    ['cc', 'mL'], ['ccs', 'mL'], ['mcg', 'ug'], ['mcl', 'uL'], ['million cells', '10*6{cells}'], ['billion cells', '10*9{cells}'], ['cells', '{cells}'], ['particles', '{particles}'],
    ['sec', 's'], ['second', 's'], ['seconds', 's'], ['minute', 'min'], ['minutes', 'min'], ['mins', 'min'], ['hr', 'h'], ['hrs', 'h'], ['hour', 'h'], ['hours', 'h'],
    ['day', 'd'], ['days', 'd'], ['week', 'wk'], ['weeks', 'wk'], ['wks', 'wk'], ['month', 'mo'], ['months', 'mo'], ['year', 'a'], ['years', 'a'], ['yr', 'a'], ['yrs', 'a'],
    ['iu', '[iU]'], ['IU', '[iU]'], ['points', '{score}'], ['point', '{score}'],
    ['µL', 'uL'], ['μg/kg', 'ug/kg'], ['Days', 'd'], ['mcg / kg', 'ug/kg'], [' mL ', 'mL'],
  ];
  for (const [written, ucum] of table) {
    it(`${JSON.stringify(written)} is ${ucum}`, () => {
      const n = normaliseUnit(written);
      assert.equal(n.ucum, ucum);
      assert.equal(n.changed, ucum !== written.trim());
    });
  }
  it('leaves UCUM as it is, and matches case only for whole words', () => {
    assert.deepEqual(normaliseUnit('mL'), { ucum: 'mL', changed: false });
    assert.deepEqual(normaliseUnit('ml'), { ucum: 'ml', changed: false });
    assert.equal(normaliseUnit('CC').ucum, 'mL');
  });
  it('annotations are lower-cased and sorted', () => {
    assert.deepEqual(annotationsOf('10*6{Cells}/{kg_body}'), ['cells', 'kg_body']);
    assert.deepEqual(annotationsOf('mL'), []);
  });
});

describe('UCUM guards', () => {
  it('refuses units with spaces or over 200 characters without asking the library', () => {
    assert.deepEqual(checkUcum('m L'), { valid: false, suggestions: [] });
    assert.deepEqual(checkUcum('m'.repeat(201)), { valid: false, suggestions: [] });
    assert.equal(checkUcum('mL').valid, true);
  });
  it('offers at most three suggestions', () => {
    assert.ok(checkUcum('mgg').suggestions.length <= 3);
  });
  it('converts, knows what is commensurable, and names units', () => {
    assert.equal(convert(150, 'uL', 'mL'), 0.15000000000000002);
    assert.equal(convert(1, 'mL', 'g'), undefined);
    assert.equal(commensurable('mL', 'mL'), true);
    assert.equal(commensurable('mL', 'L'), true);
    assert.equal(commensurable('mL', 'kg'), false);
    assert.equal(unitInfo('mL')?.name, 'milliliter');
    assert.equal(unitInfo('mL')?.property, 'volume');
    assert.equal(unitInfo('qqq'), undefined);
    assert.equal(unitInfo('{cells}')?.property, undefined, '"number" is not shown as a property');
  });
});

describe('numbers in quantities', () => {
  const cases: [string, number | undefined][] = [
    ['1.5', 1.5], ['3e6', 3e6], ['3 x 10^6', 3e6], ['3×10^6', 3e6], ['3*10^6', 3e6], ['2.5 x 10^-3', 2.5e-3], ['−2', -2], ['+4', 4], ['1e999', undefined], ['abc', undefined],
  ];
  for (const [text, value] of cases) it(`reads ${text}`, () => assert.equal(parseNumber(text), value));
  it('a quantity text needs a number and a unit', () => {
    assert.equal(parseQuantityText('1e999 mL'), undefined);
    assert.deepEqual(parseQuantityText('10-12 wk'), { low: 10, high: 12, unit: 'wk' });
  });
});

describe('profiles file', () => {
  it('reads a list, or a mapping with a profiles list', () => {
    const one = '- {id: a, name: A, applies: {names: [x]}, expects: [{id: e, label: E}]}\n';
    assert.equal((parseProfiles(one) as { profiles: unknown[] }).profiles.length, 1);
    assert.equal((parseProfiles(`profiles:\n  ${one}`) as { profiles: unknown[] }).profiles.length, 1);
  });
  it('says what is wrong, and never throws', () => {
    assert.match((parseProfiles('a: [') as { error: string }).error, /^not valid YAML \(/);
    assert.deepEqual(parseProfiles('a: 1\n'), { error: 'expected a list of profiles, or a mapping with a `profiles` list' });
    assert.deepEqual(parseProfiles('null\n'), { error: 'expected a list of profiles, or a mapping with a `profiles` list' });
    assert.deepEqual(parseProfiles('- {id: a}\n'), { error: 'profile 1 needs id, name, applies and expects' });
    assert.deepEqual(parseProfiles('- null\n'), { error: 'profile 1 needs id, name, applies and expects' });
    assert.deepEqual(parseProfiles('- {id: a, name: A, applies: {}, expects: [{id: e}]}\n'), { error: 'profile a: expected endpoint 1 needs id and label' });
    assert.deepEqual(parseProfiles('- {id: a, name: A, applies: {}, expects: [null]}\n'), { error: 'profile a: expected endpoint 1 needs id and label' });
    const bomb = 'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n';
    assert.match((parseProfiles(bomb) as { error: string }).error, /^not valid YAML/);
  });
  it('a workspace profile replaces a shipped one with its id and adds the rest', () => {
    const merged = mergeProfiles(DEFAULT_PROFILES, [{ id: 'sle', name: 'Mine', applies: {}, expects: [] }, { id: 'new', name: 'New', applies: {}, expects: [] }]);
    assert.deepEqual(merged.map((p) => `${p.id}:${p.name}`), ['sle:Mine', 'knee-oa:Knee osteoarthritis', 'ards-covid:ARDS and COVID-19', 'sepsis-animal:Sepsis (animal models)', 'new:New']);
  });
});
