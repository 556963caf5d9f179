// Regimens and doses that contradict themselves or their product, at each boundary.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '../../src/core';
import { trial } from '../helpers/studies';

const DOSE = '        dose: 1 10*6{cells}/kg\n        route: intravenous\n';
/** The test trial with its one intervention's dose and route lines replaced by `lines`. */
const regimen = (lines: string, kind = 'cells') => trial((b) => b.replace(DOSE, lines).replace('    kind: cells\n', `    kind: ${kind}\n`));
const codes = (text: string) => validate(text).filter((p) => p.severity !== 'info').map((p) => p.code);

describe('frequency once, and the duration against the interval', () => {
  it('once with more than one dose; one dose is fine', () => {
    assert.deepEqual(codes(regimen(`${DOSE}        frequency: once\n        doses: 2\n`)), ['regimen-once-repeated']);
    assert.deepEqual(codes(regimen(`${DOSE}        frequency: once\n        doses: 1\n`)), []);
    assert.deepEqual(codes(regimen(`${DOSE}        frequency: weekly\n        doses: 6\n`)), []);
  });
  it('a duration shorter than one interval, in any units; as long is fine; a range counts its longest', () => {
    assert.deepEqual(codes(regimen(`${DOSE}        interval: 1 wk\n        duration: 6 d\n`)), ['regimen-duration-short']);
    assert.deepEqual(codes(regimen(`${DOSE}        interval: 1 wk\n        duration: 7 d\n`)), []);
    assert.deepEqual(codes(regimen(`${DOSE}        interval: 12 h\n        duration: 5 d\n`)), []);
    assert.deepEqual(codes(regimen(`${DOSE}        interval: 1 wk\n        duration: 5-8 d\n`)), []);
    assert.deepEqual(codes(regimen(`${DOSE}        duration: 1 d\n`)), [], 'no interval');
    assert.deepEqual(codes(regimen(`${DOSE}        interval: 1 wk\n        duration: 6 mL\n`)).filter((c) => c.startsWith('regimen-')), [], 'a duration that is no time');
    assert.deepEqual(codes(regimen(`${DOSE}        interval: 1 mL\n        duration: 6 d\n`)).filter((c) => c.startsWith('regimen-')), [], 'an interval that is no time');
  });
});

describe('a dose that is not an amount', () => {
  it('a time, a length or a temperature; and only that problem', () => {
    assert.deepEqual(codes(regimen('        dose: 15 min\n')), ['dose-not-an-amount']);
    assert.deepEqual(codes(regimen('        dose: 2 cm\n')), ['dose-not-an-amount']);
    assert.deepEqual(codes(regimen('        dose: 300 K\n')), ['dose-not-an-amount']);
  });
  it('masses, volumes, counts, per kg and international units are amounts', () => {
    for (const d of ['5 mg', '1.5 mL', '1 10*6{cells}/kg', '2e8 {particles}', '100 [iU]', '2 mg/kg']) {
      assert.deepEqual(codes(regimen(`        dose: ${d}\n`)).filter((c) => c !== 'dose-kind-mismatch'), [], d);
    }
  });
});

describe('a count of the wrong thing for the product', () => {
  it('exosomes counted in cells; cells counted in vesicles', () => {
    assert.deepEqual(codes(regimen('        dose: 1 10*6{cells}/kg\n', 'exosomes')), ['dose-kind-mismatch']);
    assert.deepEqual(codes(regimen('        dose: 1 10*6{cells}/kg\n', 'extracellular vesicles')), ['dose-kind-mismatch']);
    for (const a of ['particles', 'exosomes', 'EVs', 'vesicles']) assert.deepEqual(codes(regimen(`        dose: 2e8 {${a}}\n`, 'cells')), ['dose-kind-mismatch'], a);
  });
  it('what fits: vesicles for exosomes, cells for cells, the cells of origin as cell_equivalent', () => {
    assert.deepEqual(codes(regimen('        dose: 2e8 {particles}\n', 'exosomes')), []);
    assert.deepEqual(codes(regimen('        dose: 2e8 {exosomes}\n        cell_equivalent: 1.22-1.51 x 10^6 {cells}/kg\n', 'exosomes')), []);
    assert.deepEqual(codes(regimen('        dose: 1 10*6{cells}/kg\n', 'secretome')), [], 'a secretome dose may be stated in the cells that made it');
  });
  it('count words are read like cells and particles, with the UCUM form to write', () => {
    const problems = validate(regimen('        dose: 2.0x10^8 exosomes\n', 'exosomes'));
    assert.deepEqual(problems.filter((p) => p.severity !== 'info').map((p) => `${p.code}: ${p.message}`), ['unit-synonym: `exosomes` is not UCUM; write `{exosomes}`.']);
    for (const [w, u] of [['EVs', '{EVs}'], ['vesicles', '{vesicles}'], ['particle', '{particles}'], ['cell', '{cells}']]) {
      assert.match(validate(regimen(`        dose: 3 ${w}\n`, 'exosomes')).map((p) => p.message).join('\n'), new RegExp(`write \`${(u as string).replace(/[{}]/g, '\\$&')}\``), w);
    }
  });
});

describe('two doses of one product in one arm far apart', () => {
  const two = (a: string, b: string, productB = 'cells') =>
    trial((t) => t.replace(DOSE, `        dose: ${a}\n        route: intravenous\n      - product: ${productB}\n        dose: ${b}\n`).replace('  - id: cells\n    kind: cells\n', '  - id: cells\n    kind: cells\n  - id: other\n    kind: cells\n'));
  it('a hundredfold or more, in either order and across units of one dimension', () => {
    assert.deepEqual(codes(two('100 mg/kg', '100 ug/kg')), ['dose-spread']);
    assert.deepEqual(codes(two('1 mg/kg', '100 mg/kg')), ['dose-spread']);
    assert.deepEqual(codes(two('100 mg/kg', '1 mg/kg')), ['dose-spread']);
    assert.deepEqual(codes(two('1 mg/kg', '99 mg/kg')), []);
    assert.deepEqual(codes(two('20 mg/kg', '10 mg/kg')), [], 'twofold, the larger first');
  });
  it('not beside a dose of zero, which is its own problem (an infinite factor would only repeat it)', () => {
    assert.deepEqual(codes(two('0 mg/kg', '5 mg/kg')), ['dose-not-positive']);
    assert.deepEqual(codes(two('5 mg/kg', '0 mg/kg')), ['dose-not-positive']);
  });
  it('not across dimensions, products or arms', () => {
    assert.deepEqual(codes(two('1 mg/kg', '500 mL')).filter((c) => c === 'dose-spread'), [], 'the units check speaks for these');
    assert.deepEqual(codes(two('1 mg/kg', '500 mg/kg', 'other')), []);
    const arms = trial((t) => t.replace('timepoints:\n', '  - id: high\n    role: experimental\n    interventions:\n      - product: cells\n        dose: 500 10*6{cells}/kg\ntimepoints:\n'));
    assert.deepEqual(codes(arms), [], 'dose escalation across arms is a design');
  });
});
