// The UCUM adapter and unit conversion at their edges: what is refused before ucum-lhc sees it,
// what ucum-lhc suggests, incommensurable and unknown units, a unit's name and kind, arbitrary
// units on both sides, written numbers that are not numbers, and the notation a bound keeps.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { convertBounds, convertUnit } from '../../src/core/units/conversion';
import { checkUcum, commensurable, convert, unitInfo } from '../../src/core/units/ucum';

describe('checking a unit with ucum-lhc', () => {
  it('a unit with a space, or longer than 200 characters, is invalid with no suggestions', () => {
    assert.deepEqual(checkUcum('m g'), { valid: false, suggestions: [] });
    const long = `mm${'.m'.repeat(99)}`; // m to the 100th: valid UCUM
    assert.equal(long.length, 200);
    assert.equal(checkUcum(long).valid, true);
    assert.equal(checkUcum(`m${'.m'.repeat(100)}`).valid, false, '201 characters');
  });
  it("an unknown unit gets ucum-lhc's suggestions, their codes only, three at most", () => {
    const mcg = checkUcum('mcg');
    assert.equal(mcg.valid, false);
    assert.equal(mcg.suggestions[0], 'ug');
    assert.ok(mcg.suggestions.length > 0 && mcg.suggestions.length <= 3);
    assert.ok(mcg.suggestions.every((s) => typeof s === 'string'));
  });
});

describe('converting and comparing units', () => {
  it('converts commensurable units, and says undefined (not null) for the others', () => {
    assert.equal(convert(1000, 'mg', 'g'), 1);
    assert.strictEqual(convert(1, 'mg', 'mL'), undefined);
    assert.strictEqual(convert(1, 'no-such-unit', 'mL'), undefined);
  });
  it('a unit is commensurable with itself, even one ucum-lhc does not know', () => {
    assert.equal(commensurable('mg', 'g'), true);
    assert.equal(commensurable('mg', 'mL'), false);
    assert.equal(commensurable('xyz', 'xyz'), true);
    assert.equal(commensurable('xyz', 'xyy'), false);
  });
  it("a unit's name, and its kind where it is not a bare number", () => {
    assert.deepEqual(unitInfo('mL'), { name: 'milliliter', property: 'volume' });
    assert.deepEqual(unitInfo('{cells}'), { name: '{cells}', property: undefined });
    assert.equal(unitInfo('no-such-unit'), undefined);
  });
});

describe('converting a quantity', () => {
  it('the same unit converts to itself, known or not', () => {
    assert.equal(convertUnit(5, 'xyz', 'xyz'), 5);
  });
  it('the same arbitrary units on both sides cancel, in any order', () => {
    assert.equal(convert(1, '[iU]/mL', '[iU]/L'), undefined, 'ucum-lhc refuses');
    assert.equal(convertUnit(1, '[iU]/mL', '[iU]/L'), 1000);
    assert.equal(convertUnit(1, '[iU].[CFU]/mL', '[CFU].[iU]/L'), 1000);
    assert.equal(convertUnit(1, '[iU]/mL', '[CFU]/L'), undefined, 'different arbitrary units');
  });
  it('written bounds that are not numbers, or overflow, do not convert', () => {
    assert.equal(convertBounds({ low: 'a3x10^6' }, 'mg', 'g'), undefined);
    assert.equal(convertBounds({ low: '3x10^6a' }, 'mg', 'g'), undefined);
    assert.equal(convertBounds({ low: '1e308' }, 'kg', 'ug'), undefined);
  });
  it('powers of ten are read with a sign and several digits', () => {
    assert.equal(convertBounds({ low: '-3 x 10^6' }, 'mg', 'g')?.low, -3000);
    assert.equal(convertBounds({ low: '12 x 10^6' }, 'mg', 'g')?.low, 12000);
    assert.equal(convertBounds({ low: '1.5 × 10^6' }, 'mg', 'g')?.low, 1500);
  });
  it('a bound keeps its power-of-ten notation, except where YAML must read it as a number', () => {
    assert.equal(convertBounds({ low: '3 x 10^9' }, '{cells}/kg', '{cells}/g')?.lowText, '3 x 10^6');
    assert.equal(convertBounds({ low: '3 x 10^9' }, '{cells}/kg', '{cells}/g', true)?.lowText, '3e6');
  });
});

describe('a unit\'s name and kind, as hover shows them', () => {
  it('gives the kind of a unit of one atom, and never a compound unit its first atom\'s kind', () => {
    assert.deepEqual(unitInfo('mL'), { name: 'milliliter', property: 'volume' });
    assert.deepEqual(unitInfo('h'), { name: 'hour', property: 'time' });
    assert.deepEqual(unitInfo('km/h'), { name: 'kilometer/hour' });
    assert.deepEqual(unitInfo('mg/kg'), { name: 'milligram per kilogram' });
    assert.deepEqual(unitInfo('kg.m'), { name: 'kilogram*meter' });
    assert.deepEqual(unitInfo('m2'), { name: 'square meter' });
    assert.deepEqual(unitInfo('{cells}'), { name: '{cells}', property: undefined }, 'a count of things has no kind to name');
    assert.equal(unitInfo('not a unit'), undefined);
  });
});
