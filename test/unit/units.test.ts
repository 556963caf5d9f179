import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseQuantityText, quantityOf, tidy } from '../../src/core/units/quantity';
import { annotationsOf, normaliseUnit } from '../../src/core/units/synonyms';
import { checkUcum, commensurable, convert } from '../../src/core/units/ucum';

describe('quantities', () => {
  const cases: [string, number, number | undefined, string][] = [
    ['1.5 mL', 1.5, undefined, 'mL'],
    ['150uL', 150, undefined, 'uL'],
    ['3e11-5e11 {particles}', 3e11, 5e11, '{particles}'],
    ['3 x 10^6 {cells}/kg', 3e6, undefined, '{cells}/kg'],
    ['1 10*6{cells}/kg', 1, undefined, '10*6{cells}/kg'],
    ['10-12 wk', 10, 12, 'wk'],
    ['1 million cells/kg', 1, undefined, 'million cells/kg'],
    ['−2 {score}', -2, undefined, '{score}'],
  ];
  for (const [text, low, high, unit] of cases) {
    it(`reads ${text}`, () => {
      const q = parseQuantityText(text);
      assert.equal(q?.low, low);
      assert.equal(q?.high, high);
      assert.equal(q?.unit, unit);
    });
  }
  for (const bad of ['1.5', 'mL', 'about 3 mL', '', '.']) {
    it(`rejects ${JSON.stringify(bad)}`, () => assert.equal(parseQuantityText(bad), undefined));
  }
  it('reads the long form', () => {
    assert.deepEqual(quantityOf({ value: 1.5, unit: 'mL', as_reported: '1.5 cc' }), { low: 1.5, high: undefined, unit: 'mL' });
    assert.deepEqual(quantityOf({ low: 1, high: 2, unit: 'mL' }), { low: 1, high: 2, unit: 'mL' });
    assert.equal(quantityOf({ value: '1', unit: 'mL' }), undefined);
    assert.equal(quantityOf({ value: 1 }), undefined);
  });
});

describe('units', () => {
  it('maps synonyms to UCUM', () => {
    assert.equal(normaliseUnit('cc').ucum, 'mL');
    assert.equal(normaliseUnit('mcg/kg').ucum, 'ug/kg');
    assert.equal(normaliseUnit('µL').ucum, 'uL');
    assert.equal(normaliseUnit('μg').ucum, 'ug');
    assert.equal(normaliseUnit('million cells/kg').ucum, '10*6{cells}/kg');
    assert.equal(normaliseUnit('days').ucum, 'd');
    assert.equal(normaliseUnit('mL').changed, false);
  });
  it('validates with UCUM', () => {
    assert.equal(checkUcum('10*6{cells}/kg').valid, true);
    assert.equal(checkUcum('cc').valid, false);
    assert.equal(checkUcum('mg / kg').valid, false);
  });
  it('converts 150 uL to 0.15 mL', () => {
    assert.equal(tidy(convert(150, 'uL', 'mL') ?? NaN), '0.15');
  });
  it('knows commensurable units, and that UCUM ignores annotations', () => {
    assert.equal(commensurable('mL', 'uL'), true);
    assert.equal(commensurable('mL', 'mg'), false);
    assert.equal(commensurable('10*6{cells}/kg', '10*6{particles}/kg'), true);
    assert.notDeepEqual(annotationsOf('10*6{cells}/kg'), annotationsOf('10*6{particles}/kg'));
  });
});
