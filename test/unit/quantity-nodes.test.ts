// The quantities the unit actions work on, as they stand in the file: how each way of writing a
// quantity is read (shared powers, qualifiers, the long form's keys), which are left out, their
// order in the text, and which one a cursor is on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationSession } from '../../src/core';
import { quantityNodeAt, quantityNodes, type QuantityNode } from '../../src/core/editor/quantity-nodes';
import { trial } from '../helpers/studies';

const dose = (d: string) => trial((b) => b.replace('dose: 1 10*6{cells}/kg', `dose: ${d}`));
function nodes(text: string): QuantityNode[] {
  const doc = new ValidationSession().run(text).parsed;
  assert.ok(doc);
  return quantityNodes(doc);
}
/** The dose's node, without its path and span. */
function doseNode(d: string): Omit<QuantityNode, 'path' | 'span'> | undefined {
  const found = nodes(dose(d)).filter((n) => n.path.includes('dose'));
  assert.ok(found.length <= 1);
  if (!found[0]) return undefined;
  const { path: _path, span: _span, ...rest } = found[0];
  return rest;
}

describe('the short form', () => {
  it('a power written once is written for the low bound too, however the power is spelled', () => {
    const cases: [string, string, string][] = [
      ['"3-5 x 10^11 {particles}"', '3 x 10^11', '5 x 10^11'],
      ['"3-5×10^11 {particles}"', '3×10^11', '5×10^11'],
      ['"3-5 x 10*11 {particles}"', '3 x 10*11', '5 x 10*11'],
      ['"3-5 x 10^-2 mL"', '3 x 10^-2', '5 x 10^-2'],
      ['3-5e11 {particles}', '3e11', '5e11'],
      ['3-5E-2 mL', '3E-2', '5E-2'],
      ['3-5e+2 mL', '3e+2', '5e+2'],
      ['3e11-5e11 {particles}', '3e11', '5e11'],
      ['1-2 mL', '1', '2'],
    ];
    for (const [d, low, high] of cases) assert.deepEqual(doseNode(d)?.written, { low, high }, d);
  });
  it('the qualifier before the number, and the text trimmed for as_reported', () => {
    assert.deepEqual(doseNode('"  ~ 5 mL"'), { form: 'short', written: { low: '5' }, qualifier: '~', unit: 'mL', ucum: 'mL', asReported: '~ 5 mL' });
    assert.equal(doseNode('≤5 mL')?.qualifier, '≤');
    assert.deepEqual(doseNode('" 5 mL "'), { form: 'short', written: { low: '5' }, qualifier: undefined, unit: 'mL', ucum: 'mL', asReported: '5 mL' });
    assert.equal(doseNode('5 cc')?.ucum, 'mL', 'a synonym read as its UCUM code');
  });
});

describe('the long form', () => {
  it("its numbers as the YAML wrote them, its own qualifier and as_reported", () => {
    assert.deepEqual(doseNode('{value: 5.0, unit: mL, qualifier: "~", as_reported: 5ml}'), { form: 'long', written: { low: '5.0' }, qualifier: '~', unit: 'mL', ucum: 'mL', asReported: '5ml' });
    assert.deepEqual(doseNode('{low: 1, high: 2e3, unit: mL}'), { form: 'long', written: { low: '1', high: '2e3' }, qualifier: undefined, unit: 'mL', ucum: 'mL', asReported: undefined });
  });
  it('a value wins over bounds; a missing high bound is not written; keys of the wrong type are not read', () => {
    assert.deepEqual(doseNode('{value: 5, low: 1, high: 3, unit: mL}')?.written, { low: '5' });
    assert.deepEqual(doseNode('{low: 1, unit: mL}')?.written, { low: '1' });
    const wrongTypes = doseNode('{value: 5, unit: mL, qualifier: 3, as_reported: 4}');
    assert.equal(wrongTypes?.qualifier, undefined);
    assert.equal(wrongTypes?.asReported, undefined);
  });
});

describe('what is not a quantity node', () => {
  it('a unit that is not UCUM, a number written as a string, no number, an ambiguous range', () => {
    for (const d of ['5 blobs', '{value: "5", unit: mL}', '{unit: mL}', '"300000-5 x 10^6 {cells}"']) assert.equal(doseNode(d), undefined, d);
  });
});

describe('order and position', () => {
  it('in the order of the text, whatever the order of the sections', () => {
    const base = trial();
    const timepoints = 'timepoints:\n  - id: w4\n    at: 4 wk\n';
    const first = `${timepoints}${base.replace(timepoints, '')}`;
    assert.deepEqual(nodes(first).map((n) => n.path.join('.')), ['timepoints.0.at', 'arms.0.interventions.0.dose']);
    assert.deepEqual(nodes(base).map((n) => n.path.join('.')), ['arms.0.interventions.0.dose', 'timepoints.0.at']);
  });
  it('the node holding the cursor or selection, ends included', () => {
    const text = dose('150 uL');
    const doc = new ValidationSession().run(text).parsed;
    assert.ok(doc);
    const start = text.indexOf('150 uL');
    const end = start + '150 uL'.length;
    for (const [a, b] of [[start, start], [end, end], [start, end], [start + 2, end - 1]] as const) assert.equal(quantityNodeAt(doc, a, b)?.unit, 'uL', `${a}-${b}`);
    for (const [a, b] of [[start - 1, start - 1], [end + 1, end + 1], [start, end + 1], [start - 1, end]] as const) assert.equal(quantityNodeAt(doc, a, b), undefined, `${a}-${b}`);
  });
});
