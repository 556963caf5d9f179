// When two curators' leaf values agree: quantities after conversion (bounds and all), numbers
// within rounding, text after normalising, lists as sets. The boundaries of each, and values of
// different kinds, which never agree by accident.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sameLeaf, sameQuantity } from '../../src/core/agree/values';

describe('two leaf values agree', () => {
  it('as quantities after conversion and synonyms, in the short and the long form', () => {
    assert.equal(sameLeaf('150 uL', '0.15 mL'), true, '150 × 0.001 is not exactly 0.15: agreed within rounding');
    assert.equal(sameLeaf('1.5 cc', '1.5 mL'), true);
    assert.equal(sameLeaf('5 mL', '5 mL'), true);
    assert.equal(sameLeaf({ value: 2, unit: 'mg' }, '2000 ug'), true);
    assert.equal(sameLeaf('5 mL', '5.1 mL'), false);
  });

  it('as ranges only when both bounds agree and both are ranges', () => {
    assert.equal(sameLeaf('1-2 mL', '1000-2000 uL'), true);
    assert.equal(sameLeaf('1-2 mL', '1-3 mL'), false, 'the high bound differs');
    assert.equal(sameLeaf('1-2 mL', '1 mL'), false, 'a range is not its low bound');
    assert.equal(sameLeaf('1 mL', '1-2 mL'), false);
  });

  it('never across dimensions, nor a quantity with a word', () => {
    assert.equal(sameLeaf('5 mL', '5 mg'), false);
    assert.equal(sameLeaf('5 mL', 'not reported'), false);
    assert.equal(sameLeaf('not reported', '5 mL'), false);
  });

  it('as numbers within rounding, and a number never as a boolean', () => {
    assert.equal(sameLeaf(0.1 + 0.2, 0.3), true);
    assert.equal(sameLeaf(3, 3.1), false);
    assert.equal(sameLeaf(1, true), false, '1 - true is 0, but a count is not a yes');
    assert.equal(sameLeaf(true, 1), false);
    assert.equal(sameLeaf(0, 0), true);
  });

  it('as text with case and spacing ignored, and a number as its text', () => {
    assert.equal(sameLeaf('Intravenous  infusion', ' intravenous infusion'), true);
    assert.equal(sameLeaf(48, '48'), true);
    assert.equal(sameLeaf('male', 'female'), false);
  });

  it('as lists, whatever the order, but not a list and its first item', () => {
    assert.equal(sameLeaf(['CD73', 'CD90'], ['cd90', 'CD73']), true);
    assert.equal(sameLeaf(['CD73', 'CD90'], ['CD73']), false);
    assert.equal(sameLeaf(['CD73'], 'CD73'), false);
  });
});

describe('two quantities agree', () => {
  const q = (low: number, unit: string, high?: number) => (high === undefined ? { low, unit } : { low, high, unit });
  it('compares the right one converted into the left one\'s unit', () => {
    assert.equal(sameQuantity(q(0.15, 'mL'), q(150, 'uL')), true);
    assert.equal(sameQuantity(q(1, 'mL', 2), q(1000, 'uL', 2000)), true);
    assert.equal(sameQuantity(q(1, 'mL', 2), q(1000, 'uL', 2500)), false);
    assert.equal(sameQuantity(q(1, 'mL'), q(1, 'mg')), false);
  });
});
