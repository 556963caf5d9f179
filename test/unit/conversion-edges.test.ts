// The edges of "Convert to …" and the file-wide unit actions that conversions.test.ts leaves
// open: what a title adds (weeks and days, UCUM's month), every qualifier, a byte-order mark
// before the text, the long form at the end of a file and in CRLF, which unit a preference
// names, and which texts YAML would read back as something other than a string.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, conversionFixes, preferredUnitsFix, spellingFixAll, ValidationSession, type QuickFix } from '../../src/core';
import { preferredFor, yamlText } from '../../src/core/editor/convert-units';
import { trial } from '../helpers/studies';

const at = (t: string) => trial((b) => b.replace('at: 4 wk', `at: ${t}`));
const fixesAt = (text: string, offset: number) => conversionFixes(new ValidationSession().run(text), offset);
const titles = (text: string, needle: string) => fixesAt(text, text.indexOf(needle)).map((f) => f.title);
const applied = (text: string, fix: QuickFix | undefined) => {
  assert.ok(fix);
  return applyEdits(text, fix.edits);
};

describe('what a conversion title adds to the new value', () => {
  it('whole weeks and days for a single number of days in weeks, and UCUM month length wherever months are involved', () => {
    assert.deepEqual(titles(at('10 d'), '10 d'), [
      'Convert to min (14400 min)',
      'Convert to h (240 h)',
      'Convert to wk (1.43 wk; exactly 1 wk 3 d)',
      'Convert to mo (0.329 mo; a month is 30.4375 d in UCUM)',
      'Convert to a (0.0274 a)',
    ]);
  });
  it('no weeks and days for a whole number of weeks, for a range, or for hours', () => {
    assert.ok(titles(at('14 d'), '14 d').includes('Convert to wk (2 wk)'));
    assert.ok(titles(at('336 h'), '336').includes('Convert to wk (2 wk)'));
    assert.ok(titles(at('10-12 d'), '10-12').includes('Convert to wk (1.43-1.71 wk)'));
  });
  it('a power of ten written once: both bounds converted with it', () => {
    const text = trial((b) => b.replace('dose: 1 10*6{cells}/kg', 'dose: "3-5 x 10^11 {particles}"'));
    assert.deepEqual(titles(text, '3-5'), ['Convert to 10*6{particles} (3e5-5e5 10*6{particles})', 'Convert to 10*9{particles} (300-500 10*9{particles})']);
  });
  it('the month note when converting from months too', () => {
    assert.deepEqual(titles(at('3 mo'), '3 mo'), [
      'Convert to min (1.31e5 min; a month is 30.4375 d in UCUM)',
      'Convert to h (2190 h; a month is 30.4375 d in UCUM)',
      'Convert to d (91.3 d; a month is 30.4375 d in UCUM)',
      'Convert to wk (13 wk; a month is 30.4375 d in UCUM)',
      'Convert to a (0.25 a; a month is 30.4375 d in UCUM)',
    ]);
  });
});

describe('qualifiers in the long form', () => {
  for (const [written, long] of [
    ['≈', '"~"'],
    ['≤', '"<="'],
    ['≥', '">="'],
    ['<', '"<"'],
  ]) {
    it(`${written}43 d keeps its qualifier as ${long}`, () => {
      const text = at(`${written}43 d`);
      const fix = fixesAt(text, text.indexOf('43')).find((f) => f.title.startsWith('Convert to wk '));
      assert.match(applied(text, fix), new RegExp(`at: \\{value: 6\\.14, unit: wk, qualifier: ${long}, as_reported: "${written}43 d"\\}\n`));
    });
  }
});

describe('a byte-order mark before the text', () => {
  it('finds the quantity at the same place as without one, and edits the text that has it', () => {
    const plain = at('14 d');
    const bom = `\ufeff${plain}`;
    const start = plain.indexOf('14 d');
    for (const offset of [start - 1, start, start + 4, start + 5]) {
      const withBom = fixesAt(bom, offset + 1).map((f) => f.title);
      assert.deepEqual(withBom, fixesAt(plain, offset).map((f) => f.title), `offset ${offset}`);
    }
    assert.equal(fixesAt(bom, start + 1 + 5).length, 0, 'past the value');
    const toWeeks = fixesAt(bom, start + 1).find((f) => f.title.startsWith('Convert to wk '));
    assert.equal(applied(bom, toWeeks), `\ufeff${at('{value: 2, unit: wk, as_reported: 14 d}')}`);
    const preferred = preferredUnitsFix(new ValidationSession().run(`\ufeff${at('2 wk')}`), { time: 'd' });
    assert.equal(applied(`\ufeff${at('2 wk')}`, preferred), `\ufeff${at('{value: 14, unit: d, as_reported: 2 wk}')}`);
  });
});

describe('the long form in block style gains as_reported on a line of its own', () => {
  const block = 'at:\n      value: 14\n      unit: d';
  const converted = 'at:\n      value: 2\n      unit: wk\n      as_reported: 14 d';
  const toWeeks = (text: string) => fixesAt(text, text.indexOf('value: 14')).find((f) => f.title.startsWith('Convert to wk '));
  it('inside the file', () => {
    const text = trial((b) => b.replace('at: 4 wk', block));
    assert.equal(applied(text, toWeeks(text)), text.replace(block, converted));
  });
  it('with CRLF line ends, the new line ends in CRLF too', () => {
    const text = trial((b) => b.replace('at: 4 wk', block)).replace(/\n/g, '\r\n');
    assert.equal(applied(text, toWeeks(text)), text.replace(block.replace(/\n/g, '\r\n'), converted.replace(/\n/g, '\r\n')));
  });
  it('as the last line of a file with no line end', () => {
    const base = trial();
    const timepoints = 'timepoints:\n  - id: w4\n    at: 4 wk\n';
    const text = `${base.replace(timepoints, '')}${timepoints.replace('at: 4 wk', block)}`.trimEnd();
    assert.ok(text.endsWith('unit: d'));
    assert.equal(applied(text, toWeeks(text)), text.replace(block, converted));
  });
});

describe('which unit a preference names', () => {
  it('the preferred unit of the kind, with the thing counted kept', () => {
    assert.equal(preferredFor('d', { time: 'wk' }), 'wk');
    assert.equal(preferredFor('{particles}/kg', { countPerBodyMass: '10*6{cells}/kg' }), '10*6{particles}/kg');
  });
  it('the unit itself when it is the preferred one, and nothing for a unit not of the kind or a kind with no preference', () => {
    assert.equal(preferredFor('wk', { time: 'wk' }), 'wk');
    assert.equal(preferredFor('d', { time: 'mL' }), undefined);
    assert.equal(preferredFor('d', {}), undefined);
    assert.equal(preferredFor('{score}', { time: 'wk' }), undefined);
  });
  it('a file whose quantities are all in preferred units gets no action, and the action is not preferred', () => {
    assert.equal(preferredUnitsFix(new ValidationSession().run(at('14 d')), { time: 'd' }), undefined);
    const fix = preferredUnitsFix(new ValidationSession().run(at('14 d')), { time: 'wk' });
    assert.equal(fix?.title, 'Convert 1 quantity to preferred units');
    assert.equal(fix?.preferred, false);
  });
});

describe('texts written plain only where YAML reads them back as the same string', () => {
  it('units and words stay plain', () => {
    for (const t of ['mL', 'mg/kg', '14 d', 'x5', '5x', '1e', 'e5', 'yesterday', 'xno', 'Nope', 'truex']) assert.equal(yamlText(t), t, t);
  });
  it('numbers, key words, braces and edge spaces are quoted', () => {
    for (const t of ['15', '1.5', '.5', '-1', '+2', '1e5', '1E-5', '1e+15', 'true', 'False', 'null', 'yes', 'NO', 'on', 'Off', '10*6{cells}/kg', '[iU]', 'a ', '#x', ''])
      assert.equal(yamlText(t), JSON.stringify(t), t);
  });
});

describe('fix all spellings', () => {
  const text = trial((b) => b.replace('dose: 1 10*6{cells}/kg', 'dose: 1.5 cc').replace('at: 4 wk', 'at: 4 weeks'));
  it('is named, not preferred, and writes each spelling once', () => {
    const fix = spellingFixAll(new ValidationSession().run(text));
    assert.equal(fix?.title, 'Write UCUM codes for unit spellings');
    assert.equal(fix?.preferred, false);
    assert.equal(fix?.edits.length, 2);
  });
  it('a problem reported twice is corrected once: overlapping edits are never both made', () => {
    const result = new ValidationSession().run(text);
    const twice = { ...result, problems: [...result.problems, ...result.problems] };
    const fix = spellingFixAll(twice);
    assert.equal(fix?.edits.length, 2);
    assert.equal(applied(text, fix), text.replace('1.5 cc', '1.5 mL').replace('4 weeks', '4 wk'));
  });
});
