// Reading quantities and naming the kinds of units at their edges (survivors of the schema
// area's run): a power of ten written once, as written in every notation; bounds that overflow;
// the long form's fields of the wrong type; and every unit of every kind, written out here so a
// unit lost from the data fails.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIMENSIONS, kindOf } from '../../src/core/units/dimensions';
import { parseNumber, parseQuantityText, quantityOf, quantityReading } from '../../src/core/units/quantity';

describe('a power of ten written once', () => {
  it('is read for both bounds, and the low bound carries it as written', () => {
    assert.deepEqual(quantityReading('3-5 x 10^6 {cells}')?.readAs, { low: '3 x 10^6', high: '5 x 10^6' });
    assert.deepEqual(quantityReading('3-5x10^6 {cells}')?.readAs, { low: '3x10^6', high: '5x10^6' });
    assert.deepEqual(quantityReading('3-5 x 10^11 {cells}')?.readAs, { low: '3 x 10^11', high: '5 x 10^11' });
    assert.deepEqual(quantityReading('3-5E11 mL')?.readAs, { low: '3E11', high: '5E11' });
    assert.deepEqual(quantityReading('3-5E-11 mL')?.readAs, { low: '3E-11', high: '5E-11' });
    assert.equal(quantityReading('3-5E-11 mL')?.sharedPower, -11);
  });
  it('bounds equal once it is read for both are a range, not a doubt', () => {
    const r = quantityReading('3-3e0 mL');
    assert.equal(r?.sharedPower, 0);
    assert.equal(r?.ambiguous, undefined);
    assert.deepEqual(quantityReading('300000-5 x 10^6 {cells}')?.ambiguous, { bothLow: 3e11 });
  });
  it('a single bound is written and read as itself', () => {
    assert.deepEqual(quantityReading('5 mL'), { low: 5, written: { low: '5' }, readAs: { low: '5' } });
    assert.equal(quantityReading('no quantity'), undefined);
    assert.equal(quantityReading(''), undefined);
  });
  it('a bound that overflows is no quantity, low or high', () => {
    assert.equal(parseQuantityText('1-1e999 mL'), undefined);
    assert.equal(parseQuantityText('1e0-1e999 mL'), undefined);
    assert.deepEqual(parseQuantityText('1e0-2e0 mL'), { low: 1, high: 2, unit: 'mL' });
  });
  it('numbers with a power of ten, signed, and nothing around them', () => {
    assert.equal(parseNumber('-3x10^6'), -3e6);
    assert.equal(parseNumber('-3e6'), -3e6);
    for (const bad of ['a3x10^6', '3x10^6a', 'a3e6', '3e6a']) assert.equal(parseNumber(bad), undefined, bad);
  });
});

describe('the long form', () => {
  it('needs a mapping with a text unit, and reads only numbers as bounds', () => {
    assert.equal(quantityOf(null), undefined);
    assert.equal(quantityOf(5), undefined);
    assert.deepEqual(quantityOf({ value: '5', low: 3, unit: 'mL' }), { low: 3, high: undefined, unit: 'mL' });
    assert.deepEqual(quantityOf({ value: 1, high: '5', unit: 'mL' }), { low: 1, high: undefined, unit: 'mL' });
    assert.deepEqual(quantityOf({ low: 1, high: 5, unit: 'mL' }), { low: 1, high: 5, unit: 'mL' });
  });
});

/** Every kind and its units, as the curators' seed documents use them ({X}: the thing counted). */
const KINDS: Record<string, [string, string[]]> = {
  volume: ['volume', ['uL', 'mL', 'L']],
  mass: ['mass', ['ng', 'ug', 'mg', 'g']],
  massConcentration: ['mass concentration', ['pg/mL', 'ng/mL', 'ug/mL', 'mg/mL', 'ng/L', 'ug/L', 'mg/L', 'mg/dL', 'g/dL', 'g/L']],
  massPerBodyMass: ['dose per body mass', ['ng/kg', 'ug/kg', 'mg/kg']],
  volumePerBodyMass: ['volume per body mass', ['uL/kg', 'mL/kg']],
  time: ['time', ['min', 'h', 'd', 'wk', 'mo', 'a']],
  substanceConcentration: ['substance concentration', ['pmol/L', 'nmol/L', 'umol/L', 'mmol/L', 'mol/L']],
  amountOfSubstance: ['amount of substance', ['pmol', 'nmol', 'umol', 'mmol', 'mol']],
  length: ['length', ['nm', 'um', 'mm', 'cm', 'm']],
  count: ['count of {X}', ['{X}', '10*6{X}', '10*9{X}']],
  countPerBodyMass: ['{X} per body mass', ['{X}/kg', '10*6{X}/kg', '10*9{X}/kg']],
  countConcentration: ['{X} per volume', ['{X}/mL', '10*6{X}/mL', '10*9{X}/mL', '{X}/L']],
  arbitraryConcentration: ['arbitrary units per volume', ['[iU]/mL', '[iU]/L']],
};

describe('the kinds of units', () => {
  it('are these, in this order', () => {
    assert.deepEqual(
      DIMENSIONS.map((d) => [d.id, d.name, d.units]),
      Object.entries(KINDS).map(([id, [name, units]]) => [id, name, units]),
    );
  });
  it('each unit is of its kind, named with the thing it counts, and converts to the others', () => {
    for (const [id, [name, units]] of Object.entries(KINDS)) {
      for (const unit of units) {
        const written = unit.replace('{X}', '{Cells}');
        const kind = kindOf(written);
        assert.equal(kind?.dimension.id, id, written);
        assert.equal(kind?.name, name.replace('{X}', 'Cells'), written);
        assert.deepEqual(kind?.targets, units.map((u) => u.replace('{X}', '{Cells}')).filter((u) => u !== written), written);
      }
    }
  });
  it('counts cells, particles, exosomes, EVs and vesicles; not scores, nor two things at once', () => {
    for (const thing of ['cells', 'particles', 'exosomes', 'EVs', 'vesicles']) assert.equal(kindOf(`10*6{${thing}}/kg`)?.name, `${thing} per body mass`, thing);
    assert.equal(kindOf('{score}'), undefined);
    assert.equal(kindOf('{cells}/{particles}'), undefined);
    assert.equal(kindOf('mg/kg/d'), undefined, 'three parts');
  });
});
