import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt, quickFixes, validate, ValidationSession } from '../../src/core';
import { parseQuantityText, readable } from '../../src/core/units/quantity';
import fc from 'fast-check';
import { runs, trial } from '../helpers/studies';

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
    for (const d of ['0 10*6{cells}/kg', '-2 10*6{cells}/kg', '0-2 10*6{cells}/kg', '-5--1 10*6{cells}/kg', '{value: 0, unit: "10*6{cells}/kg"}', '{low: -1, high: 2, unit: "10*6{cells}/kg"}']) {
      assert.deepEqual(codes(dose(d)), ['dose-not-positive'], d);
    }
    assert.deepEqual(codes(dose('0.001 10*6{cells}/kg')), []);
    assert.deepEqual(codes(trial((b) => b.replace('at: 4 wk', 'at: 0 d'))), [], 'day 0 is a time');
  });
});

describe('ranges with a power of ten written once', () => {
  const read = (text: string) => {
    const q = parseQuantityText(text);
    return q && [q.low, q.high, q.unit, q.sharedPower];
  };
  it('applies the power after the high bound to both, in every written form', () => {
    for (const text of ['3-5 x 10^11 {particles}', '3-5 × 10^11 {particles}', '3-5 * 10^11 {particles}', '3-5x10^11 {particles}', '3-5 x 10*11 {particles}', '3 - 5 × 10*11 {particles}', '3–5 x 10^11 {particles}', '3 to 5 x 10^11 {particles}', '3-5E11 {particles}', '3-5e11 {particles}', '3-5e+11 {particles}']) {
      assert.deepEqual(read(text), [3e11, 5e11, '{particles}', 11], text);
    }
    assert.deepEqual(read('1.22-1.51 x 10^6 {cells}/kg'), [1.22e6, 1.51e6, '{cells}/kg', 6]);
    assert.deepEqual(read('2-4 x 10^-3 mg'), [2e-3, 4e-3, 'mg', -3]);
  });
  it('reads a bound that carries its own power as written', () => {
    assert.deepEqual(read('3e11-5e11 {particles}'), [3e11, 5e11, '{particles}', undefined]);
    assert.deepEqual(read('3 x 10^5 - 5 x 10^6 {cells}'), [3e5, 5e6, '{cells}', undefined]);
    assert.deepEqual(read('3 x 10*5 - 5 {cells}'), [3e5, 5, '{cells}', undefined]);
    assert.deepEqual(read('3-5 10*6{cells}/kg'), [3, 5, '10*6{cells}/kg', undefined], 'a UCUM factor is part of the unit, for both bounds');
    assert.deepEqual(read('3 x 10*6 {cells}'), [3e6, undefined, '{cells}', undefined]);
    assert.deepEqual(read('10-12 wk'), [10, 12, 'wk', undefined]);
  });
  it('keeps the literal reading where the shared one runs high to low, and says so', () => {
    assert.deepEqual(read('300000-5 x 10^6 {cells}'), [3e5, 5e6, '{cells}', undefined]);
    assert.deepEqual(codes(dose('300000-5 x 10^6 {cells}')), ['quantity-range-ambiguous']);
    assert.deepEqual(codes(dose('5000000-5 x 10^6 {cells}')), ['quantity-range-ambiguous'], 'equal bounds read literally are in order: the shared reading 5e12 to 5e6 is not, so it is ambiguous');
  });
  it('a range that runs high to low either way is reversed, in the short and long forms', () => {
    assert.deepEqual(codes(dose('5e11-3e11 {cells}')), ['quantity-range-reversed']);
    assert.deepEqual(codes(dose('7000000-5 x 10^6 {cells}')), ['quantity-range-reversed']);
    assert.deepEqual(codes(dose('{low: 5, high: 3, unit: mL}')), ['quantity-range-reversed']);
    assert.deepEqual(codes(trial((b) => b.replace('at: 4 wk', 'at: 6-4 wk'))), ['quantity-range-reversed'], 'any quantity, not only doses');
    assert.deepEqual(codes(dose('3-3 mL')), [], 'equal bounds are in order');
    assert.deepEqual(codes(dose('{low: 3, high: 3, unit: mL}')), []);
  });
  it('one problem per quantity: a reversed dose below zero is reported as reversed only', () => {
    assert.deepEqual(codes(dose('2--1 mL')), ['quantity-range-reversed']);
    assert.deepEqual(codes(dose('{low: 2, high: -1, unit: mL}')), ['quantity-range-reversed']);
  });
  it('hover shows both bounds as read', () => {
    const text = dose('1.22-1.51 x 10^6 {cells}/kg');
    const contents = hoverAt(text, text.indexOf('1.22'))?.contents ?? '';
    assert.match(contents, /^\*\*1\.22 × 10\^6 to 1\.51 × 10\^6 \{cells\}\/kg\*\*/);
    assert.match(contents, /The power of ten written once, after the high bound, applies to both bounds\./);
    const plain = dose('3e11-5e11 {particles}');
    const plainContents = hoverAt(plain, plain.indexOf('3e11'))?.contents ?? '';
    assert.match(plainContents, /^\*\*3 × 10\^11 to 5 × 10\^11 \{particles\}\*\*/);
    assert.doesNotMatch(plainContents, /written once/);
  });
  it('readable numbers', () => {
    assert.deepEqual([0, 0.15, 0.001, 99999, 1e5, 1.5e-4, -2.5e7, Infinity].map(readable), ['0', '0.15', '0.001', '99999', '1 × 10^5', '1.5 × 10^-4', '-2.5 × 10^7', 'Infinity']);
  });
});

describe('property: range forms', () => {
  const mantissa = fc.integer({ min: 100, max: 999 }).map((n) => n / 100);
  const form = fc.constantFrom(' x 10^', ' × 10^', ' * 10^', 'x10^', ' x 10*', ' × 10*', 'E', 'e');
  it('a power written once after the high bound scales both bounds, in every form, and the schema accepts it', () => {
    fc.assert(
      fc.property(mantissa, mantissa, fc.integer({ min: -6, max: 15 }), form, fc.constantFrom('-', ' - ', '–', ' to '), (a, b, p, f, dash) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const text = `${lo}${dash}${hi}${f}${p} {particles}`;
        const q = parseQuantityText(text);
        assert.ok(q, text);
        assert.ok(Math.abs(q.low / (lo * 10 ** p) - 1) < 1e-9 && Math.abs((q.high ?? NaN) / (hi * 10 ** p) - 1) < 1e-9, text);
        assert.equal(q.sharedPower, p);
        assert.deepEqual(codes(dose(text)).filter((c) => c.startsWith('schema') || c.startsWith('quantity')), [], text);
      }),
      { numRuns: runs(200) },
    );
  });
  it('bounds written in full are reversed exactly when the low one is larger', () => {
    fc.assert(
      fc.property(mantissa, mantissa, fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }), (a, b, p1, p2) => {
        const text = `${a}e${p1}-${b}e${p2} {particles}`;
        const reversed = a * 10 ** p1 > b * 10 ** p2;
        assert.deepEqual(codes(dose(text)).includes('quantity-range-reversed'), reversed, text);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('the fix for a reversed range', () => {
  const fixesFor = (d: string) => {
    const text = dose(d);
    const result = new ValidationSession().run(text);
    const problem = result.problems.find((p) => p.code === 'quantity-range-reversed');
    assert.ok(problem, d);
    return quickFixes(problem, result).map((f) => [f.title, f.edits.map((e) => [text.slice(e.start, e.end), e.newText])]);
  };
  it('swaps the bounds as written, keeping units, spaces and quotes', () => {
    assert.deepEqual(fixesFor('5e11-3e11 {particles}'), [['Swap the bounds: `3e11-5e11 {particles}`', [['5e11-3e11 {particles}', '3e11-5e11 {particles}']]]]);
    assert.deepEqual(fixesFor('"~ 5 x 10^6 - 3 x 10^6 {cells}"'), [['Swap the bounds: `~ 3 x 10^6 - 5 x 10^6 {cells}`', [['"~ 5 x 10^6 - 3 x 10^6 {cells}"', '"~ 3 x 10^6 - 5 x 10^6 {cells}"']]]]);
    assert.deepEqual(fixesFor('33-3 mL'), [['Swap the bounds: `3-33 mL`', [['33-3 mL', '3-33 mL']]]], 'the high bound inside the low one');
  });
  it('offers none for the long form, or where a power is written once', () => {
    assert.deepEqual(fixesFor('{low: 5, high: 3, unit: mL}'), []);
    assert.deepEqual(fixesFor('7000000-5 x 10^6 {cells}'), []);
  });
});
