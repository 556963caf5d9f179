// How Compare Trials normalises one dose: the unit per kind (per kg kept apart), what was
// written (short form, long form, numbers), ranges, powers of ten, and the reason a dose stays
// as written. The common cases are in compare.test.ts; these are the boundaries.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseDose } from '../../src/core/compare/doses';

const n = (v: unknown) => {
  const d = normaliseDose(v);
  return d && { text: d.text, written: d.written, unit: d.unit, sort: d.sort, high: d.high, perKg: d.perKg, note: d.note };
};

describe('a dose normalised', () => {
  it('per kind: volume per kg in mL/kg, counts of any annotation per kg, cells in millions whatever their case', () => {
    assert.deepEqual(n('0.5 mL/kg'), { text: '0.5 mL/kg', written: '0.5 mL/kg', unit: 'mL/kg', sort: 0.5, high: undefined, perKg: true, note: undefined });
    assert.deepEqual(n('2 {vesicles}/kg'), { text: '2 {vesicles}/kg', written: '2 {vesicles}/kg', unit: '{vesicles}/kg', sort: 2, high: undefined, perKg: true, note: undefined });
    assert.deepEqual(n('3 10*6{Cells}/kg'), { text: '3 10*6{cells}/kg', written: '3 10*6{Cells}/kg', unit: '10*6{cells}/kg', sort: 3, high: undefined, perKg: true, note: undefined });
  });
  it('keeps a range as low and high, read from the long form as well as the short', () => {
    assert.deepEqual(n('1.50-2.00 mL'), { text: '1.5-2 mL', written: '1.50-2.00 mL', unit: 'mL', sort: 1.5, high: 2, perKg: false, note: undefined });
    assert.deepEqual(n({ low: 1, high: 2, unit: 'mL' }), { text: '1-2 mL', written: '1-2 mL', unit: 'mL', sort: 1, high: 2, perKg: false, note: undefined });
    assert.deepEqual(n('4e-3-5e-3 mg'), { text: '4-5 ug', written: '4e-3-5e-3 mg', unit: 'ug', sort: 4, high: 5, perKg: false, note: undefined });
  });
  it('shows a power of ten written as e in a readable form', () => {
    assert.equal(n('1e6 {cells}')?.text, '1 × 10^6 {cells}');
    assert.equal(n('1e6-2e6 {cells}')?.text, '1 × 10^6-2 × 10^6 {cells}');
  });
  it('says what was written: the short form trimmed, the long form\'s as_reported, else its numbers and unit, a bare number as itself', () => {
    assert.deepEqual(n('  2 mg '), { text: '2000 ug', written: '2 mg', unit: 'ug', sort: 2000, high: undefined, perKg: false, note: undefined });
    assert.equal(n({ value: 2, unit: 'mg' })?.written, '2 mg');
    assert.equal(n({ value: 2, unit: 'mg', as_reported: 'two milligrams' })?.written, 'two milligrams');
    assert.deepEqual(n({ value: 2 }), { text: '2', written: '2', unit: undefined, sort: undefined, high: undefined, perKg: false, note: 'not a quantity' });
    assert.deepEqual(n(7), { text: '7', written: '7', unit: undefined, sort: undefined, high: undefined, perKg: false, note: 'not a quantity' });
    assert.equal(n({ value: 'lots' })?.text, 'lots');
  });
  it('leaves as written, with the reason, a unit per kg per day (not per kg), a rate, and international units per kg', () => {
    assert.deepEqual(n('2 mg/kg/d'), { text: '2 mg/kg/d', written: '2 mg/kg/d', unit: undefined, sort: undefined, high: undefined, perKg: false, note: 'no common unit for doses in mg/kg/d' });
    assert.equal(n('5 mL/min')?.note, 'no common unit for doses in mL/min');
    assert.deepEqual([n('2 [IU]/kg')?.perKg, n('2 [IU]/kg')?.note], [true, 'no common unit for doses in [IU]/kg']);
  });
  it('is nothing where there is no dose', () => {
    assert.equal(normaliseDose(null), undefined);
    assert.equal(normaliseDose(undefined), undefined);
  });
});

describe('a dose normalised, as a whole object', () => {
  it('has no high bound at all for a single amount, so a consumer can test the key', () => {
    assert.deepEqual(normaliseDose('5 mL'), { text: '5 mL', written: '5 mL', unit: 'mL', sort: 5, perKg: false });
    assert.equal('high' in normaliseDose('5 mL')!, false);
    assert.deepEqual(normaliseDose('2-4 mL'), { text: '2-4 mL', written: '2-4 mL', unit: 'mL', sort: 2, high: 4, perKg: false });
  });

  it('stays as written, with the reason, when the amount would overflow in the common unit', () => {
    assert.deepEqual(normaliseDose('1e305 kg'), { text: '1e305 kg', written: '1e305 kg', perKg: false, note: 'kg does not convert to ug' });
  });
});
