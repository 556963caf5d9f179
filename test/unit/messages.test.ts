import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '../../src/core';
import { trial } from '../helpers/studies';

/** The one error-or-warning problem of a text: its code, the text it covers, and its message. */
function sole(text: string): [string, string, string] {
  const problems = validate(text).filter((p) => p.severity !== 'info');
  assert.equal(problems.length, 1, problems.map((p) => `${p.code} ${p.message}`).join('\n'));
  const p = problems[0]!;
  return [p.code, text.slice(p.start, p.end), p.message];
}

/** Schema messages as validate() words them: folded combinators, conditions, types, ranges and lists. */
describe('schema messages, through validate()', () => {
  it('folds a long-form quantity with no value into one problem naming both forms', () => {
    assert.deepEqual(sole(trial((b) => b.replace('dose: 1 10*6{cells}/kg', 'dose: {unit: mL}'))), ['schema-missing-property', 'dose', '`dose` is missing `value` (or `low` and `high`).']);
  });
  it('says which condition makes a property required: the study type, or its status', () => {
    const rct = trial((b) => b.replace('type: single-arm trial', 'type: randomized controlled trial').replace('design:\n  allocation: non-randomized\n', ''));
    assert.deepEqual(sole(rct), ['schema-missing-property', 'study:', 'The annotation is missing `design` for a randomized controlled trial.']);
    assert.deepEqual(sole(trial(undefined, 'completed')), ['schema-missing-property', 'study:', 'The annotation is missing `results` once a study is completed.']);
  });
  it('names list items by position and their list', () => {
    const text = trial((b) => b.replace('timepoints:\n', '  - id: second\n    interventions: [{product: cells}]\ntimepoints:\n'));
    assert.deepEqual(sole(text), ['schema-missing-property', 'id: second', 'Item 2 of `arms` is missing `role`.']);
  });
  it('words each type in plain language and shows what was found', () => {
    const cases: [string, string, string][] = [
      ['title: Test trial', 'title:\n    a: b', '`title` must be text (found a mapping).'],
      ['title: Test trial', 'title: true', '`title` must be text (found `true`).'],
      ['title: Test trial', 'title:', '`title` must be text (found an empty value).'],
      ['design:\n  allocation: non-randomized\n', 'design: [a]\n', '`design` must be a mapping (indented key: value lines) (found a list).'],
    ];
    for (const [from, to, message] of cases) assert.equal(sole(trial((b) => b.replace(from, to)))[2], message, to);
  });
  it('covers the key, not the lines below it, for a mapping or an empty value', () => {
    assert.equal(sole(trial((b) => b.replace('title: Test trial', 'title:\n    a: b')))[1], 'title');
    assert.equal(sole(trial((b) => b.replace('title: Test trial', 'title:')))[1], 'title');
  });
  it('words bounds, empty lists and empty text', () => {
    const arm = (line: string) => trial((b) => b.replace('    role: experimental\n', `    role: experimental\n    ${line}\n`));
    assert.deepEqual(sole(arm('n: -1')), ['schema-range', '-1', '`n` must be at least 0 (found `-1`).']);
    assert.deepEqual(sole(arm('n: 1.5')), ['schema-invalid', '1.5', "`n` must be a count such as '12' (found `1.5`)."]);
    assert.deepEqual(sole(trial((b) => b.replace('timepoints: [w4]', 'timepoints: []'))), ['schema-range', '[]', '`timepoints` must not be empty.']);
    assert.deepEqual(sole(trial((b) => b.replace('title: Test trial', 'title: ""'))), ['schema-range', '""', '`title` must not be empty.']);
  });
  it('lists up to six allowed values, then five and an ellipsis, and clips what was found', () => {
    const masking = trial((b) => b.replace('  allocation: non-randomized\n', '  allocation: non-randomized\n  masking:\n    level: triple-blind\n'));
    assert.match(sole(masking)[2], /^`level` must be one of none, single, double, triple, quadruple \(found `triple-blind`/);
    const long = 'x'.repeat(80);
    const [, covers, message] = sole(trial((b) => b.replace('route: intravenous', `route: ${long}`)));
    assert.equal(covers, long);
    assert.match(message, /^`route` must be one of intravenous, intramuscular, intra-articular, intraperitoneal, subcutaneous, … \(found `x{59}…`\)$/);
  });
  it('says a bare number where a quantity belongs is missing its unit', () => {
    assert.deepEqual(sole(trial((b) => b.replace('dose: 1 10*6{cells}/kg', 'dose: 1.5'))), [
      'schema-invalid',
      '1.5',
      "`dose` must be a quantity such as '1.5 mL' or {value: 1.5, unit: mL} (found `1.5`: the unit is missing).",
    ]);
  });
});

describe('messages are safe to print and to read', () => {
  const hostile = '\u001b]0;pwned\u0007\u001b[2J';
  it('escapes control, zero-width and bidi characters from the file', () => {
    const texts = [
      trial((b) => b.replace('route: intravenous', `route: "${hostile}"`)),
      trial((b) => b.replace('- product: cells', '- product: "cel\\u202Els"')),
      trial((b) => b.replace('at: 4 wk', 'at: "4 w\\u200Bk"')),
      trial() + `evidence:\n  - field: "arms.${'\\u0007'}x"\n    quote: q\n`,
    ];
    for (const text of texts) {
      const problems = validate(text);
      assert.ok(problems.length > 0);
      for (const p of problems) assert.doesNotMatch(p.message, /[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/, p.message);
    }
    const [p] = validate(texts[0] as string).filter((x) => x.code === 'schema-enum');
    assert.match(p?.message ?? '', /found `\\u001B\]0;pwned\\u0007\\u001B\[2J`/);
  });
  it('clips every quoted value, units and ids included, and bounds the whole message', () => {
    const long = 'x'.repeat(5000);
    for (const text of [
      trial((b) => b.replace('dose: 1 10*6{cells}/kg', `dose: 1 ${long}`)),
      trial((b) => b.replace('- product: cells', `- product: ${long}`)),
      trial((b) => b.replace('title: Test trial', `${long}: 1\n  title: Test trial`)),
    ]) {
      for (const p of validate(text)) {
        assert.ok(p.message.length <= 500, `${p.code}: ${p.message.length} characters`);
        assert.doesNotMatch(p.message, /x{61}/, `${p.code} quotes a value of more than 60 characters`);
      }
    }
  });
  it('a did-you-mean between an id and its look-alike shows the difference', () => {
    const text = trial((b) => b.replace('- product: cells', '- product: "cells\\u200B"'));
    const [p] = validate(text).filter((x) => x.code === 'id-invisible-character');
    assert.match(p?.message ?? '', /^`cells\\u200B` contains an invisible character, U\+200B \(zero width space\)/);
  });
});
