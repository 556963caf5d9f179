import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '../../src/core';
import { trial } from '../helpers/studies';

const dose = (d: string) => trial((b) => b.replace('dose: 1 10*6{cells}/kg', `dose: ${d}`));
const codes = (text: string) => validate(text).filter((p) => p.severity !== 'info').map((p) => p.code);

describe('quantities: the short and long forms agree', () => {
  it('an infinite number is a problem in either form', () => {
    assert.deepEqual(codes(dose('1e999 10*6{cells}/kg')), ['quantity-not-finite']);
    assert.deepEqual(codes(dose('-1e999 10*6{cells}/kg')), ['quantity-not-finite']);
    assert.deepEqual(codes(dose('1-1e999 10*6{cells}/kg')), ['quantity-not-finite']);
    assert.deepEqual(codes(dose('{value: 1e999, unit: "10*6{cells}/kg"}')), ['schema-type']);
    assert.deepEqual(codes(trial((b) => b.replace('at: 4 wk', 'at: 4e400 wk'))), ['quantity-not-finite']);
  });
  it('a dose of zero or less is a problem in either form, other quantities may be zero', () => {
    for (const d of ['0 10*6{cells}/kg', '-2 10*6{cells}/kg', '0-2 10*6{cells}/kg', '{value: 0, unit: "10*6{cells}/kg"}', '{low: -1, high: 2, unit: "10*6{cells}/kg"}']) {
      assert.deepEqual(codes(dose(d)), ['dose-not-positive'], d);
    }
    assert.deepEqual(codes(dose('0.001 10*6{cells}/kg')), []);
    assert.deepEqual(codes(trial((b) => b.replace('at: 4 wk', 'at: 0 d'))), [], 'day 0 is a time');
  });
});
