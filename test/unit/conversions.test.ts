// Unit conversion: the numbers (reference table, significant figures, notation, round trip),
// the refusals UCUM does not make, and the "Convert to …" edits on every way of writing a quantity.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits, conversionFixes, preferredUnitsFix, spellingFixAll, ValidationSession, type QuickFix } from '../../src/core';
import { convertBounds, convertUnit, weeksAndDays } from '../../src/core/units/conversion';
import { DIMENSIONS, kindOf } from '../../src/core/units/dimensions';
import { notationOf, roundTo, significantFigures, writeNumber } from '../../src/core/units/number-text';
import { runs, trial } from '../helpers/studies';

/**
 * Reference factors from the UCUM specification's tables (metric prefixes in §4.3; d = 24 h,
 * h = 60 min, wk = 7 d, a_j = 365.25 d, mo_j = a_j/12 in §4.5) and NIST SP 811 (Appendix B.8:
 * 1 L = 10^-3 m^3, 1 mL = 10^-6 m^3): written out here, not computed with ucum-lhc.
 */
const REFERENCE: [number, string, string, number][] = [
  [1, 'L', 'mL', 1000],
  [1, 'mL', 'uL', 1000],
  [1, 'dL', 'mL', 100],
  [1, 'g', 'mg', 1000],
  [1, 'mg', 'ug', 1000],
  [1, 'ug', 'ng', 1000],
  [1, 'd', 'h', 24],
  [1, 'h', 'min', 60],
  [1, 'wk', 'd', 7],
  [1, 'a', 'd', 365.25],
  [1, 'mo', 'd', 30.4375],
  [1, 'mg/dL', 'g/L', 0.01],
  [1, 'ng/mL', 'ug/L', 1],
  [1, 'ug/kg', 'mg/kg', 0.001],
  [1, 'mmol/L', 'umol/L', 1000],
  [1, 'cm', 'mm', 10],
  [1, 'nm', 'um', 0.001],
  [1, '10*6{cells}/kg', '{cells}/kg', 1e6],
  [1, '10*9{particles}', '{particles}', 1e9],
  [1, '[iU]/mL', '[iU]/L', 1000],
];

describe('conversion factors against the UCUM and NIST tables', () => {
  for (const [value, from, to, expected] of REFERENCE) {
    it(`${value} ${from} = ${expected} ${to}`, () => {
      const got = convertUnit(value, from, to);
      assert.ok(got !== undefined);
      assert.ok(Math.abs(got - expected) <= Math.abs(expected) * 1e-12, `${got}`);
    });
  }
  it('refuses what UCUM would convert silently, or needs a molecular weight for', () => {
    assert.equal(convertUnit(1, '{cells}', '{particles}'), undefined, 'UCUM ignores annotations');
    assert.equal(convertUnit(1, '10*6{cells}/kg', '10*6{exosomes}/kg'), undefined);
    assert.equal(convertUnit(1, 'mg', 'mmol'), undefined);
    assert.equal(convertUnit(1, '[iU]/mL', 'mg/L'), undefined);
    assert.equal(convertUnit(1, '[iU]/mL', '[arb\'U]/mL'), undefined, 'two arbitrary units are not one');
    assert.equal(convertUnit(1, 'mL', 'mg'), undefined);
  });
});

describe('numbers written as a person writes them', () => {
  const conv = (low: string, from: string, to: string, yaml = false) => convertBounds({ low }, from, to, yaml)?.lowText;
  it('keeps the significant figures of the original, at least three, without binary noise', () => {
    assert.equal(conv('150', 'uL', 'mL'), '0.15');
    assert.equal(conv('1.5', 'dL', 'L'), '0.15');
    assert.equal(conv('100', 'ug/kg', 'mg/kg'), '0.1');
    assert.equal(conv('90', 'mg/dL', 'g/L'), '0.9');
    assert.equal(conv('43', 'd', 'wk'), '6.14');
    assert.equal(conv('6.14', 'wk', 'd'), '43');
    assert.equal(conv('1.2345', 'g', 'mg'), '1234.5', 'more figures written, more kept');
    assert.equal(conv('1', 'mo', 'd'), '30.4');
    assert.equal(conv('4333', 'd', 'wk'), '619.0', 'a significant trailing zero is written where 619 would convert back to 4330');
    assert.equal(conv('619.0', 'wk', 'd'), '4333');
  });
  it('writes large and small counts in the notation the quantity uses', () => {
    assert.equal(conv('3', '10*6{cells}', '{cells}'), '3e6');
    assert.equal(conv('3e6', '{cells}', '10*6{cells}'), '3', 'plain where plain digits are short');
    assert.equal(conv('3 x 10^6', '{cells}/kg', '10*3{cells}/kg'), '3000');
    assert.equal(conv('3 x 10^8', '{cells}/kg', '10*2{cells}/kg'), '3 x 10^6');
    assert.equal(conv('3×10*8', '{cells}/kg', '10*2{cells}/kg'), '3×10*6');
    assert.equal(conv('3E8', '{cells}/kg', '10*2{cells}/kg'), '3E6');
    assert.equal(conv('3 x 10^8', '{cells}/kg', '10*2{cells}/kg', true), '3e6', 'a YAML number cannot be written with x 10^');
    assert.equal(conv('2', 'ug', 'g'), '2e-6');
    assert.equal(conv('5', 'ug', 'mg'), '0.005', 'the smallest plain number');
  });
  it('reads how a number was written', () => {
    assert.deepEqual(notationOf('3 x 10^6'), { kind: 'times', times: ' x ', power: '^' });
    assert.deepEqual(notationOf('3e6'), { kind: 'e', e: 'e' });
    assert.deepEqual(notationOf('150'), { kind: 'plain' });
    assert.deepEqual([significantFigures('150'), significantFigures('0.15'), significantFigures('1.50'), significantFigures('3 x 10^6'), significantFigures('3.0e6'), significantFigures('0'), significantFigures('-0.0012'), significantFigures('1040'), significantFigures('150.')], [2, 2, 3, 1, 2, 1, 2, 3, 3]);
    assert.equal(writeNumber(1e5, { kind: 'plain' }), '1e5');
    assert.equal(writeNumber(99999, { kind: 'plain' }), '99999');
    assert.equal(writeNumber(0.001, { kind: 'plain' }), '0.001');
    assert.equal(writeNumber(0.00099, { kind: 'plain' }), '9.9e-4');
  });
  it('names whole weeks and days', () => {
    assert.equal(weeksAndDays(43), '6 wk 1 d');
    assert.deepEqual([weeksAndDays(42), weeksAndDays(6), weeksAndDays(43.5)], [undefined, undefined, undefined]);
    assert.equal(weeksAndDays(7 * 2 + 6), '2 wk 6 d');
  });
  it('property: converting and converting back returns the number written, for every pair of units offered', () => {
    const pairs = DIMENSIONS.flatMap((d) => d.units.map((u) => u.replace('{X}', '{cells}'))).flatMap((u) => (kindOf(u)?.targets ?? []).map((t) => [u, t] as const));
    assert.ok(pairs.length > 100, `${pairs.length} pairs`);
    const written = fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: -4, max: 6 })).map(([m, e]) => String(Number(`${m}e${e}`)));
    fc.assert(
      fc.property(fc.constantFrom(...pairs), written, ([from, to], text) => {
        const there = convertBounds({ low: text }, from, to);
        assert.ok(there, `${text} ${from} -> ${to}`);
        const back = convertBounds({ low: there.lowText }, to, from);
        assert.ok(back);
        const figures = significantFigures(text);
        assert.equal(Number(back.low.toPrecision(figures)), Number(Number(text).toPrecision(figures)), `${text} ${from} -> ${there.lowText} ${to} -> ${back.lowText}`);
      }),
      { numRuns: runs(2000) },
    );
  });
});

describe('number text at its edges (from the mutation run over the new unit modules)', () => {
  it('reads the notation of the whole text only, signs and multi-digit parts included', () => {
    const kind = (t: string) => notationOf(t).kind;
    assert.deepEqual(['-3e6', ' 30E12 ', '3e-6', '+3e6'].map(kind), ['e', 'e', 'e', 'e']);
    assert.deepEqual(['-3 x 10^6', ' 12 × 10*-3 ', '3x10^12'].map(kind), ['times', 'times', 'times']);
    assert.deepEqual(['a3e6', '3e6 mL', 'x 3 x 10^6', '3 x 10^6 mL', '3e', '150'].map(kind), ['plain', 'plain', 'plain', 'plain', 'plain', 'plain']);
  });
  it('counts figures after a sign, around spaces, in either power notation, and strips only leading and trailing zeros where they are placeholders', () => {
    const f = significantFigures;
    assert.deepEqual([f('-1.20'), f(' 150 '), f('1.5 x 10^3'), f('1.5x10^3'), f('1.25E6'), f('1500'), f('0.015'), f('1000.0'), f('−2.5'), f('1.50 × 10*3')], [3, 2, 2, 2, 3, 2, 2, 5, 2, 3]);
  });
  it('rounds within 1 to 17 figures, and leaves zero and infinity alone', () => {
    assert.deepEqual([roundTo(0, 3), roundTo(Infinity, 3), roundTo(123.456, 0), roundTo(123.456, 2), roundTo(1 / 3, 40)], [0, Infinity, 100, 120, 1 / 3]);
  });
  it('writes a power of ten as written unless a YAML number is needed, and keeps significant zeros only when asked', () => {
    const times = { kind: 'times', times: ' x ', power: '^' } as const;
    assert.equal(writeNumber(3e8, times), '3 x 10^8');
    assert.equal(writeNumber(3e8, times, true), '3e8');
    assert.equal(writeNumber(Infinity, { kind: 'plain' }), 'Infinity');
    assert.equal(writeNumber(0, { kind: 'plain' }, false, 3), '0');
    assert.equal(writeNumber(619, { kind: 'plain' }, false, 4), '619.0');
    assert.equal(writeNumber(3e8, { kind: 'e', e: 'E' }, false, 3), '3.00E8');
  });
  it('refuses bounds that are not numbers or do not convert, low or high', () => {
    assert.equal(convertBounds({ low: '1' }, 'mg', 'mmol'), undefined);
    assert.equal(convertBounds({ low: 'abc' }, 'mL', 'uL'), undefined);
    assert.equal(convertBounds({ low: '' }, 'mL', 'uL'), undefined, 'an empty bound is not zero');
    assert.equal(convertBounds({ low: '1', high: 'x' }, 'mL', 'uL'), undefined);
    assert.equal(convertBounds({ low: '1e999' }, 'mL', 'uL'), undefined);
    assert.deepEqual(convertBounds({ low: '−2', high: ' 3 x 10^-3 ' }, 'mL', 'uL'), { unit: 'uL', low: -2000, high: 3, lowText: '-2000', highText: '3' });
  });
});

describe('the kinds of quantity and what each converts to', () => {
  it('names ratios by what they measure, and keeps the thing counted', () => {
    assert.equal(kindOf('mg/dL')?.name, 'mass concentration');
    assert.equal(kindOf('ug/kg')?.name, 'dose per body mass');
    assert.equal(kindOf('10*6{cells}/kg')?.name, 'cells per body mass');
    assert.deepEqual(kindOf('10*6{cells}/kg')?.targets, ['{cells}/kg', '10*9{cells}/kg']);
    assert.deepEqual(kindOf('{particles}')?.targets, ['10*6{particles}', '10*9{particles}']);
    assert.deepEqual(kindOf('d')?.targets, ['min', 'h', 'wk', 'mo', 'a']);
  });
  it('offers nothing across shapes or for things that are not counted', () => {
    for (const u of ['%', '1', 'mg/kg/d', '{score}', '{patients}', 'Cel', '[iU]']) assert.equal(kindOf(u), undefined, u);
    assert.ok(!kindOf('mg/kg')?.targets.includes('%'));
  });
});

const dose = (d: string) => trial((b) => b.replace('dose: 1 10*6{cells}/kg', `dose: ${d}`));
const at = (t: string) => trial((b) => b.replace('at: 4 wk', `at: ${t}`));

function convertAt(text: string, needle: string, to: string): { fix: QuickFix; fixed: string } {
  const result = new ValidationSession().run(text);
  const fixes = conversionFixes(result, text.indexOf(needle));
  const fix = fixes.find((f) => f.title.startsWith(`Convert to ${to} `));
  assert.ok(fix, `no conversion to ${to} in ${fixes.map((f) => f.title).join(' | ')}`);
  const fixed = applyEdits(text, fix.edits);
  // A conversion from a synonym ('days') also writes the UCUM code; nothing else changes.
  const codes = (r: typeof result) => r.problems.map((p) => p.code).filter((c) => c !== 'unit-synonym');
  assert.deepEqual(codes(new ValidationSession().run(fixed)), codes(result), 'no problem added or removed');
  return { fix, fixed };
}

describe('"Convert to …" on every way of writing a quantity (golden before and after)', () => {
  it('the short form becomes the long form, keeping the text as written in as_reported', () => {
    const { fix, fixed } = convertAt(dose('150 uL'), '150 uL', 'mL');
    assert.equal(fix.title, 'Convert to mL (0.15 mL)');
    assert.equal(fixed, dose('{value: 0.15, unit: mL, as_reported: 150 uL}'));
  });
  it('a range converts both bounds; a power written once is read for both', () => {
    assert.equal(convertAt(dose('3e11-5e11 {particles}'), '3e11', '10*9{particles}').fixed, dose('{low: 300, high: 500, unit: "10*9{particles}", as_reported: "3e11-5e11 {particles}"}'));
    assert.equal(convertAt(dose('"3-5 x 10^11 {particles}"'), '3-5', '10*9{particles}').fixed, dose('{low: 300, high: 500, unit: "10*9{particles}", as_reported: "3-5 x 10^11 {particles}"}'));
  });
  it('a qualifier is kept as the long form writes it, and a synonym unit converts from its UCUM code', () => {
    assert.equal(convertAt(at('~43 days'), '~43', 'wk').fixed, at('{value: 6.14, unit: wk, qualifier: "~", as_reported: "~43 days"}'));
    assert.equal(convertAt(dose('100 mcg/kg'), '100 mcg', 'mg/kg').fixed, dose('{value: 0.1, unit: mg/kg, as_reported: 100 mcg/kg}'));
  });
  it('a quoted, CRLF file: the scalar and its quotes are replaced, every other byte kept', () => {
    const text = dose("'150 uL'").replace(/\n/g, '\r\n');
    assert.equal(convertAt(text, '150 uL', 'mL').fixed, dose('{value: 0.15, unit: mL, as_reported: 150 uL}').replace(/\n/g, '\r\n'));
  });
  it('the long form in block style keeps its comments and order, and gains as_reported on a line of its own', () => {
    const block = (d: string) => trial((b) => b.replace('dose: 1 10*6{cells}/kg', `dose:\n${d}`));
    const { fixed } = convertAt(block('          value: 3e6 # from table 2\n          unit: "{cells}/kg"'), 'value: 3e6', '10*6{cells}/kg');
    assert.equal(fixed, block('          value: 3 # from table 2\n          unit: "10*6{cells}/kg"\n          as_reported: "3e6 {cells}/kg"'));
  });
  it('the long form in flow style gains as_reported before its brace; one it has is kept', () => {
    assert.equal(convertAt(dose('{value: 150, unit: uL}'), 'value: 150', 'mL').fixed, dose('{value: 0.15, unit: mL, as_reported: 150 uL}'));
    assert.equal(convertAt(dose('{value: 150, unit: uL, as_reported: 150 µl}'), 'value', 'mL').fixed, dose('{value: 0.15, unit: mL, as_reported: 150 µl}'));
    assert.equal(convertAt(dose("{low: 1, high: 2, unit: 'mL'}"), 'low', 'uL').fixed, dose("{low: 1000, high: 2000, unit: 'uL', as_reported: 1-2 mL}"));
  });
  it('quantities in results, ages and timepoints convert too', () => {
    const result = trial((b) => b.replace('endpoints:\n', 'results:\n  - endpoint: ae\n    arm: treated\n    timepoint: w4\n    statistic: mean\n    value: 90 mg/dL\nendpoints:\n').replace('    priority: safety\n    category: safety\n', '    priority: safety\n    category: safety\n    unit: mg/dL\n'));
    assert.match(convertAt(result, '90 mg/dL', 'g/L').fixed, /value: \{value: 0\.9, unit: g\/L, as_reported: 90 mg\/dL\}/);
    const age = trial((b) => b.replace('  species: Homo sapiens\n', '  species: Homo sapiens\n  age: 18-65 a\n'));
    assert.match(convertAt(age, '18-65', 'mo').fixed, /age: \{low: 216, high: 780, unit: mo, as_reported: 18-65 a\}/);
  });
  it('nothing where the cursor is not on a quantity, the unit is not UCUM, or things counted differ', () => {
    const text = dose('150 uL');
    const none = (t: string, needle: string) => conversionFixes(new ValidationSession().run(t), t.indexOf(needle));
    assert.deepEqual(none(text, 'route'), []);
    assert.deepEqual(none(dose('150 blobs'), '150 blobs'), []);
    assert.ok(!none(dose('3e6 {cells}'), '3e6').some((f) => /particles/.test(f.title)));
    assert.deepEqual(none(dose('"300000-5 x 10^6 {cells}"'), '300000'), [], 'an ambiguous range is left for the curator to write out');
  });
  it('a flow scalar folded over lines is replaced whole, and the file still parses', () => {
    const text = dose('[150\n          uL]').replace('dose: [', 'dose: ');
    if (!new ValidationSession().run(text).parsed?.usable) return; // not every folding is YAML
    const fixes = conversionFixes(new ValidationSession().run(text), text.indexOf('150'));
    for (const f of fixes) assert.ok(new ValidationSession().run(applyEdits(text, f.edits)).parsed?.usable);
  });
});

describe('file-wide actions', () => {
  it('converts every quantity of a kind with a preferred unit, each verified, in one action', () => {
    const text = trial((b) => b.replace('dose: 1 10*6{cells}/kg', 'dose: 1500000 {cells}/kg').replace('at: 4 wk', 'at: 4 wk'));
    const result = new ValidationSession().run(text);
    const fix = preferredUnitsFix(result);
    assert.ok(fix);
    assert.equal(fix.title, 'Convert 2 quantities to preferred units');
    const fixed = applyEdits(text, fix.edits);
    assert.match(fixed, /dose: \{value: 1\.5, unit: "10\*6\{cells\}\/kg", as_reported: "1500000 \{cells\}\/kg"\}/);
    assert.match(fixed, /at: \{value: 28, unit: d, as_reported: 4 wk\}/);
  });
  it('takes the preferences given, keeps the thing counted, and offers nothing when all is preferred', () => {
    const text = trial((b) => b.replace('dose: 1 10*6{cells}/kg', 'dose: 3e9 {particles}/kg'));
    const result = new ValidationSession().run(text);
    const fix = preferredUnitsFix(result, { countPerBodyMass: '10*9{cells}/kg' });
    assert.ok(fix);
    assert.equal(fix.title, 'Convert 1 quantity to preferred units');
    assert.match(applyEdits(text, fix.edits), /dose: \{value: 3, unit: "10\*9\{particles\}\/kg"/);
    assert.equal(preferredUnitsFix(new ValidationSession().run(trial()), { countPerBodyMass: '10*6{cells}/kg', time: 'wk' }), undefined);
    assert.equal(preferredUnitsFix(result, {}), undefined);
  });
  it('fix all corrects spellings only, every one, and nothing else', () => {
    const text = trial((b) => b.replace('dose: 1 10*6{cells}/kg', 'dose: 1.5 cc').replace('at: 4 wk', 'at: 4 weeks').replace('route: intravenous', 'route: IV'));
    const result = new ValidationSession().run(text);
    const fix = spellingFixAll(result);
    assert.ok(fix);
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, text.replace('1.5 cc', '1.5 mL').replace('4 weeks', '4 wk'));
    assert.deepEqual(new ValidationSession().run(fixed).problems.map((p) => p.code), ['schema-enum'], 'the route is not a spelling');
    assert.equal(spellingFixAll(new ValidationSession().run(trial())), undefined);
  });
});
