// The two primitives under the diff of two extractions: when two leaf values agree (text,
// numbers, quantities after conversion, lists as sets) and how two lists' items are paired (by
// id, then by what they are, then by likeness), with the boundaries of each.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchItems, renamed } from '../../src/core/agree/match';
import { isLongQuantity, isScalar, normalText, sameLeaf, sameQuantity, show } from '../../src/core/agree/values';
import { quantityOf, type Quantity } from '../../src/core/units/quantity';

const q = (text: string) => quantityOf(text) as Quantity;

describe('two leaf values agree', () => {
  it('as text: Unicode composition, outer and inner whitespace, and case aside', () => {
    assert.equal(normalText('  Cafe\u0301   au  LAIT '), 'café au lait');
    assert.equal(sameLeaf('Double  blind', 'double blind'), true);
    assert.equal(sameLeaf('double-blind', 'double blind'), false);
  });
  it('numbers by value within a relative 1e-9, a number and its text alike, booleans only with themselves', () => {
    assert.equal(sameLeaf(0.1 + 0.2, 0.3), true);
    assert.equal(sameLeaf(1e12, 1e12 + 100), true, 'within 1e-9 of the larger');
    assert.equal(sameLeaf(1e12, 1e12 + 1e4), false);
    assert.equal(sameLeaf(1, 1.000001), false);
    assert.equal(sameLeaf(-2, 2), false);
    assert.equal(sameLeaf(3, '3'), true);
    assert.equal(sameLeaf(true, 'true'), true);
    assert.equal(sameLeaf(true, false), false);
  });
  it('quantities after conversion to the left unit, bound for bound', () => {
    assert.equal(sameQuantity(q('1.5 mL'), q('1500 uL')), true);
    assert.equal(sameQuantity(q('1-2 mL'), q('1000-2000 uL')), true);
    assert.equal(sameQuantity(q('1-2 mL'), q('1-3 mL')), false, 'the high bound differs');
    assert.equal(sameQuantity(q('1-2 mL'), q('1 mL')), false, 'a range is not a value');
    assert.equal(sameQuantity(q('1 mL'), q('1-2 mL')), false);
    assert.equal(sameQuantity(q('2 mL'), q('1-2 mL')), false, 'the low bound differs');
    assert.equal(sameQuantity(q('1 mL'), q('1 mg')), false, 'units that do not convert');
    assert.equal(sameLeaf('6 wk', { value: 42, unit: 'd' }), true);
    assert.equal(sameLeaf('6 wk', '43 d'), false);
  });
  it('lists as sets of their items\' text, and anything else by its YAML', () => {
    assert.equal(sameLeaf(['participant', 'Investigator'], ['investigator ', 'participant']), true);
    assert.equal(sameLeaf(['a'], ['a', 'b']), false);
    assert.equal(sameLeaf(['a', 'a'], ['a', 'b']), false);
    assert.equal(sameLeaf(['a', 'b'], ['a', 'c']), false);
    assert.equal(sameLeaf({ a: 1 }, { a: 1 }), true);
    assert.equal(sameLeaf({ a: 1 }, { a: 2 }), false);
    assert.equal(sameLeaf(['x'], 'x'), false);
    assert.equal(sameLeaf(null, undefined), true, 'nothing is nothing');
    assert.equal(sameLeaf(null, ''), true);
    assert.equal(sameLeaf(null, 'x'), false);
  });
  it('are shown as written for scalars and as YAML flow otherwise; a long-form quantity is one value', () => {
    assert.deepEqual([show(undefined), show(null), show(true), show(1.5), show('a b'), show({ a: [1, 'x'] })], ['', '', 'true', '1.5', 'a b', '{ a: [ 1, x ] }']);
    assert.deepEqual([isScalar('x'), isScalar(0), isScalar(false), isScalar(null), isScalar([]), isScalar({})], [true, true, true, false, false, false]);
    assert.deepEqual(
      [isLongQuantity({ value: 1, unit: 'mL' }), isLongQuantity({ value: 1 }), isLongQuantity({ unit: 'mL' }), isLongQuantity([{ value: 1, unit: 'mL' }]), isLongQuantity(null), isLongQuantity('1 mL')],
      [true, false, false, false, false, false],
    );
  });
});

describe('a reference in the left names', () => {
  it('renames a right id, alone or in a list, by the list the field names', () => {
    const renames = { arms: { ucmsc: 'secretome' }, timepoints: { day43: 'd43' } };
    assert.equal(renamed(renames, 'arm', 'ucmsc'), 'secretome');
    assert.equal(renamed(renames, 'comparator', 'ucmsc'), 'secretome');
    assert.equal(renamed(renames, 'arm', 'placebo'), 'placebo', 'an id not renamed stays');
    assert.deepEqual(renamed(renames, 'timepoints', ['day43', 'w4', 7]), ['d43', 'w4', 7]);
    assert.equal(renamed(renames, 'timepoint', 'day43'), 'd43');
    assert.equal(renamed(renames, 'product', 'ucmsc'), 'ucmsc', 'no renames for that list');
    assert.equal(renamed(renames, 'label', 'ucmsc'), 'ucmsc', 'not a reference field');
    assert.deepEqual(renamed(renames, 'arm', { id: 'ucmsc' }), { id: 'ucmsc' });
  });
});

describe('pairing two lists\' items', () => {
  const pairs = (key: string, l: unknown[], r: unknown[], renames = {}) => {
    const m = matchItems(key, l, r, renames);
    return [m.pairs, m.onlyRight, m.renames];
  };
  it('by id first, case and spaces aside; a right id given twice matches once', () => {
    assert.deepEqual(pairs('arms', [{ id: 'A' }, { id: 'b' }], [{ id: 'b' }, { id: ' a' }]), [[[0, 1], [1, 0]], [], {}]);
    assert.deepEqual(pairs('arms', [{ id: 'a' }], [{ id: 'a' }, { id: 'a' }]), [[[0, 0]], [1], {}]);
  });
  it('arms by role, first dose and product (in the left names), recording the rename', () => {
    const left = [{ id: 'secretome', role: 'experimental', interventions: [{ product: 'sec', dose: '1.5 mL' }] }, { id: 'placebo', role: 'placebo comparator' }];
    const right = [{ id: 'pbo', role: 'placebo comparator' }, { id: 'ucmsc', role: 'experimental', interventions: [{ product: 'sec2', dose: '1500 uL' }] }];
    assert.deepEqual(pairs('arms', left, right, { products: { sec2: 'sec' } }), [[[0, 1], [1, 0]], [], { ucmsc: 'secretome', pbo: 'placebo' }]);
    assert.deepEqual(pairs('arms', left, right), [[[1, 0]], [1], { pbo: 'placebo' }], 'another product is another arm');
    assert.deepEqual(pairs('arms', [{ id: 'x', role: 'experimental', interventions: [{ dose: '1 mL' }] }], [{ id: 'y', role: 'experimental', interventions: [{ dose: '2 mL' }] }]), [[], [0], {}]);
  });
  it('products by kind and tissue; endpoints by instrument or analyte, else name; timepoints by when, else label', () => {
    assert.deepEqual(pairs('products', [{ id: 'a', kind: 'secretome', source: { tissue: 'umbilical cord' } }], [{ id: 'b', kind: 'secretome', source: { tissue: 'adipose' } }, { id: 'c', kind: 'Secretome', source: { tissue: 'umbilical cord' } }]), [[[0, 1]], [0], { c: 'a' }]);
    assert.deepEqual(pairs('endpoints', [{ id: 'a', analyte: 'C3', name: 'x' }, { id: 'b', name: 'Fatigue' }], [{ id: 'f', name: 'fatigue' }, { id: 'c', instrument: 'C3', name: 'y' }]), [[[1, 0], [0, 1]], [], { c: 'a', f: 'b' }], 'the closer pair (same name) first');
    assert.deepEqual(pairs('timepoints', [{ id: 'a', at: '6 wk' }, { id: 'b', label: 'baseline' }], [{ id: 'c', label: 'Baseline' }, { id: 'd', at: '42 d' }]), [[[0, 1], [1, 0]], [], { d: 'a', c: 'b' }]);
  });
  it('results by endpoint, arm, comparator, timepoint and statistic where both give them; adverse events by category; conditions by name', () => {
    const r = (o: Record<string, unknown>) => ({ endpoint: 'c3', arm: 'a', ...o });
    assert.deepEqual(pairs('results', [r({ timepoint: 'd43', value: 1 }), r({ timepoint: 'd22' })], [r({ timepoint: 'd22' }), r({ timepoint: 'day43' })], { timepoints: { day43: 'd43' } }), [[[1, 0], [0, 1]], [], {}]);
    assert.deepEqual(pairs('results', [r({ statistic: 'mean' })], [r({ statistic: 'median' })]), [[], [0], {}]);
    assert.deepEqual(pairs('results', [r({ comparator: 'p' })], [r({})]), [[[0, 0]], [], {}], 'a field one side lacks does not part them');
    assert.deepEqual(pairs('adverse_events', [{ category: 'serious', status: 'none observed' }], [{ category: 'any' }, { category: 'Serious', status: 'observed' }]), [[[0, 1]], [0], {}]);
    assert.deepEqual(pairs('conditions', [{ name: 'SLE' }], [{ name: 'sle', code: 'M32' }]), [[[0, 0]], [], {}]);
    assert.deepEqual(pairs('conditions', [{ code: 'M32' }], [{ code: 'M32' }]), [[], [0], {}], 'features neither side gives are no match');
  });
  it('in a list without features, by more than half of the scalar fields, ids and as_reported aside; the closest first', () => {
    assert.deepEqual(pairs('other', [{ a: 1, b: 2, c: 3 }], [{ a: 1, b: 2, c: 4 }]), [[[0, 0]], [], {}]);
    assert.deepEqual(pairs('other', [{ a: 1, b: 2 }], [{ a: 1, b: 3 }]), [[], [0], {}], 'one half is not more than half');
    assert.deepEqual(pairs('other', [{ a: 1, id: 'x', as_reported: 'q' }], [{ a: 1, id: 'y', as_reported: 'r' }]), [[[0, 0]], [], { y: 'x' }]);
    assert.deepEqual(pairs('other', [{ a: 1, n: { deep: 1 } }], [{ a: 1, n: { deep: 2 } }]), [[[0, 0]], [], {}], 'a mapping is not a scalar field');
    assert.deepEqual(pairs('other', [{ n: { deep: 1 } }], [{ n: { deep: 1 } }]), [[], [0], {}], 'no scalar field: no likeness');
    assert.deepEqual(pairs('other', [{ a: 1, b: 2, c: 3 }], [{ a: 1, b: 2, c: 9 }, { a: 1, b: 2, c: 3 }]), [[[0, 1]], [0], {}], 'the closer one');
    assert.deepEqual(pairs('other', [{ a: 1, b: 2 }, { a: 1, b: 2 }], [{ a: 1, b: 2 }, { a: 1, b: 2 }]), [[[0, 0], [1, 1]], [], {}], 'ties in order');
    assert.deepEqual(pairs('other', [{ a: 1 }, 'x'], ['y', { a: 1 }]), [[[0, 1]], [0], {}], 'a non-mapping item is no one\'s match');
    assert.deepEqual(pairs('products', [{ id: 'a', kind: 'secretome' }], [{ kind: 'secretome' }]), [[[0, 0]], [], {}], 'no rename for an item with no id on one side');
    assert.deepEqual(pairs('products', [{ kind: 'secretome' }], [{ id: 'b', kind: 'secretome' }]), [[[0, 0]], [], {}]);
    assert.deepEqual(pairs('other', [{ a: 1, b: 2, note: '' }], [{ a: 1, b: 3 }]), [[], [0], {}], 'a field one side lacks is no agreement, even empty');
  });
});
