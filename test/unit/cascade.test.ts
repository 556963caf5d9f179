// One fault, one problem: what the cascade rule keeps and drops around a structural YAML error,
// in a split parse (the damaged region is the error's section) and a whole one (to the end).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationSession } from '../../src/core';
import { trial } from '../helpers/studies';

const codes = (text: string, split = true) => new ValidationSession({ split }).run(text).problems.map((p) => `${p.code}@${p.line}`);

describe('around a structural error', () => {
  const two = trial((b) => b.replace('  allocation: non-randomized\n', '  allocation: [non-randomized\n').replace('    at: 4 wk\n', '    at: "4 wk\n'));
  it('keeps the first error of each damaged section in a split parse, and only the first in a whole one', () => {
    assert.deepEqual(codes(two), ['yaml-syntax@7', 'yaml-syntax@22']);
    assert.deepEqual(codes(two, false), ['yaml-syntax@7']);
  });
  it('drops the references into a damaged section that declares ids, and the timepoint checks against its endpoints', () => {
    const products = trial((b) => b.replace('  - id: cells\n    kind: cells\n', '  - id: cells\n    kind: [cells\n'));
    assert.deepEqual(codes(products), ['yaml-syntax@12']);
    const endpoints = trial((b) => b.replace('    name: Adverse events\n', '    name: [Adverse events\n')) + 'results:\n  - endpoint: ae\n    arm: treated\n    timepoint: w4\n    value: 1 {events}\n';
    assert.deepEqual(codes(endpoints), ['yaml-syntax@25']);
  });
  it('keeps what a damaged section does not explain: a reference elsewhere that was wrong anyway', () => {
    const text = trial((b) => b.replace('  allocation: non-randomized\n', '  allocation: [x\n').replace('      - product: cells\n', '      - product: nothing\n'));
    assert.deepEqual(codes(text), ['yaml-syntax@7', 'ref-unresolved@17']);
  });
  it('a dose of the wrong kind for its product is one problem: the right doses are not also said to count another thing than it', () => {
    const text = trial((b) => b.replace('arms:\n', 'arms:\n  - id: b\n    role: experimental\n    interventions:\n      - product: cells\n        dose: 2 10*6{particles}/kg\n'));
    assert.deepEqual(codes(text), ['dose-kind-mismatch@18']);
  });
  it('so is one that comes after the right doses: its own "another thing than the first" is inside it', () => {
    const text = trial((b) => b.replace('timepoints:\n', '  - id: b\n    role: experimental\n    interventions:\n      - product: cells\n        dose: 2 10*6{particles}/kg\ntimepoints:\n'));
    assert.deepEqual(codes(text), ['dose-kind-mismatch@24']);
  });
  it('two doses that count different things, neither of the wrong kind, are still said', () => {
    const text = trial((b) => b.replace('  - id: cells\n    kind: cells\n', '  - id: cells\n    kind: exosomes\n').replace('dose: 1 10*6{cells}/kg', 'dose: 1 10*6{particles}/kg').replace('arms:\n', 'arms:\n  - id: b\n    role: experimental\n    interventions:\n      - product: cells\n        dose: 2 10*6{vesicles}/kg\n'));
    assert.ok(codes(text).some((c) => c.startsWith('unit-annotation-mismatch')), codes(text).join());
  });
  it('a section the error may have swallowed is not also said missing: in a whole parse any, in a split parse none', () => {
    const text = trial((b) => b.replace(/curation:[\s\S]*$/, '').replace('  allocation: non-randomized\n', '  allocation: [x\n'));
    assert.deepEqual(codes(text), ['schema-missing-property@1', 'yaml-syntax@7']);
    assert.deepEqual(codes(text, false), ['yaml-syntax@7']);
  });
  it('drops a field path into the damaged section, keeps one elsewhere', () => {
    const uncertain = (b: string) => b.replace('  status: draft\n', '  status: draft\n  uncertain:\n    - field: design.nothing\n      reason: r\n    - field: timepoints.w4.nothing\n      reason: r\n');
    assert.deepEqual(codes(trial(uncertain)), ['field-path-unresolved@34', 'field-path-unresolved@36']);
    const broken = trial((b) => uncertain(b).replace('  allocation: non-randomized\n', '  allocation: [x\n  mode: y\n'));
    assert.deepEqual(codes(broken), ['yaml-syntax@7', 'field-path-unresolved@37']);
  });
  it('the damaged section ends where the next begins: a problem at the next key is kept', () => {
    const text = trial((b) => b.replace('  allocation: non-randomized\n', '  allocation: [x\n').replace('population:', 'populaton:'));
    assert.deepEqual(codes(text), ['schema-missing-property@1', 'yaml-syntax@7', 'schema-unknown-property@8']);
  });
  it('an error at a top-level key\'s first character damages that key\'s section, not the one above it', () => {
    // A problem in the section above is its own fault and is kept. (A tab before a key is
    // different: the line may belong to the section above, as `\trole:` in an arm does.)
    const above = (b: string) => b.replace('  title: Test trial\n', '  title: Test trial\n  titel: x\n');
    assert.deepEqual(codes(trial((b) => above(b).replace('design:\n', 'design\n'))), ['schema-unknown-property@4', 'yaml-syntax@7']);
    assert.deepEqual(codes(trial((b) => above(b).replace('design:\n', '\tdesign:\n'))), ['yaml-tab-indent@7']);
  });
  it('an acknowledgement into a damaged section is not stale: the error hid what it acknowledges', () => {
    const ack = (b: string) => b.replace('  schema_version: 1.0.0\n', '  schema_version: 1.0.0\n  acknowledged:\n    - code: dose-not-positive\n      field: arms.treated\n      reason: r\n');
    const zero = (b: string) => ack(b).replace('dose: 1 10*6{cells}/kg', 'dose: 0 10*6{cells}/kg');
    assert.deepEqual(codes(trial(zero)), []);
    assert.deepEqual(codes(trial((b) => zero(b).replace('      - product: cells\n', '      - product: [cells\n'))), ['yaml-syntax@17']);
    // Damage elsewhere leaves it judged: with the dose fixed, it acknowledges nothing.
    assert.deepEqual(codes(trial((b) => ack(b).replace('  allocation: non-randomized\n', '  allocation: [x\n'))), ['yaml-syntax@7', 'acknowledgement-stale@35']);
  });
  it('after a whole parse went wrong, only the top level\'s missing sections are dropped, and only missing ones', () => {
    const broken = (b: string) => b.replace('  allocation: non-randomized\n', '  allocation: [x\n');
    // An unknown top-level key before the damage, and a field the study lacks, are their own faults.
    assert.deepEqual(codes(trial((b) => 'extra: 1\n' + broken(b)), false), ['schema-unknown-property@1', 'yaml-syntax@8']);
    assert.deepEqual(codes(trial((b) => broken(b).replace('  title: Test trial\n', '')), false), ['schema-missing-property@1', 'yaml-syntax@6']);
  });
  it('three errors in one section are one problem, split or whole', () => {
    const text = trial((b) => b.replace('  allocation: non-randomized\n', '  allocation: [x\n  masking: "open\n  purpose: {z\n'));
    assert.deepEqual(codes(text), ['yaml-syntax@7']);
    assert.deepEqual(codes(text, false), ['yaml-syntax@7']);
  });
});

describe('a study that is not a mapping', () => {
  // Each type's conditions test `study.type`; on a study that is a word or a list, a condition
  // that did not require a mapping passed vacuously, and every type's sections were required at once.
  for (const value of ['x', '[a, b]', '5', '~']) {
    it(`study: ${value} is said once, with only what is missing whatever the type`, () => {
      const text = `study: ${value}\n`;
      const problems = new ValidationSession().run(text).problems.map((p) => `${p.code}@${p.line}`);
      assert.deepEqual(problems.filter((p) => p !== 'schema-missing-property@1'), ['schema-type@1']);
      const missing = validateMissing(text);
      assert.deepEqual(missing, ['curation'], 'curation is required of every study; no type\'s sections are');
    });
  }
  it('a study with no type requires no type\'s sections either', () => {
    assert.deepEqual(validateMissing('study:\n  id: a\n'), ['title', 'type', 'status', 'curation']);
  });
});

function validateMissing(text: string): string[] {
  return new ValidationSession()
    .run(text)
    .problems.filter((p) => p.code === 'schema-missing-property')
    .map((p) => /missing `([^`]+)`/.exec(p.message)?.[1] ?? p.message);
}
