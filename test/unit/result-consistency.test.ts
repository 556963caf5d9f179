// Results that contradict themselves, at each boundary: a sign of zero, a range across zero, a
// p-value of exactly 0.05, a proportion of exactly 100%, a result as large as its arm.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '../../src/core';
import { trial } from '../helpers/studies';

const study = (fields: string, arm = '') =>
  trial((b) => b.replace('    role: experimental\n', `    role: experimental\n${arm}`).replace('curation:', `results:\n  - endpoint: ae\n    arm: treated\n    timepoint: w4\n${fields}curation:`));
const codes = (fields: string, arm = '') => validate(study(fields, arm)).filter((p) => p.severity !== 'info').map((p) => p.code);
const change = (statistic: string, value: string, direction: string) => codes(`    statistic: ${statistic}\n    value: ${value}\n    direction: ${direction}\n`);

describe('a change against its direction', () => {
  it('for each signed statistic, both ways', () => {
    for (const s of ['change from baseline', 'percent change', 'difference']) {
      assert.deepEqual(change(s, '77 %', 'decrease'), ['result-direction-contradiction'], s);
      assert.deepEqual(change(s, '-77 %', 'increase'), ['result-direction-contradiction'], s);
      assert.deepEqual(change(s, '-77 %', 'decrease'), [], s);
      assert.deepEqual(change(s, '77 %', 'increase'), [], s);
    }
  });
  it('not for zero, a range across zero, no change, or a level such as a mean', () => {
    assert.deepEqual(change('percent change', '0 %', 'decrease'), []);
    assert.deepEqual(change('percent change', '0 %', 'increase'), []);
    assert.deepEqual(change('percent change', '-5-10 %', 'decrease'), []);
    assert.deepEqual(change('percent change', '5-10 %', 'decrease'), ['result-direction-contradiction']);
    assert.deepEqual(change('percent change', '77 %', 'no change'), []);
    assert.deepEqual(change('mean', '77 %', 'decrease'), []);
    assert.deepEqual(codes('    value: 77 %\n    direction: decrease\n'), [], 'no statistic');
  });
  it('reads the long form too', () => {
    assert.deepEqual(change('percent change', '{value: 77, unit: "%"}', 'decrease'), ['result-direction-contradiction']);
  });
});

describe('a proportion outside 0 to 100%', () => {
  const proportion = (value: string) => codes(`    statistic: proportion\n    value: ${value}\n`);
  it('in % and as a fraction, at and past each end', () => {
    assert.deepEqual(proportion('0 %'), []);
    assert.deepEqual(proportion('100 %'), []);
    assert.deepEqual(proportion('100.1 %'), ['result-proportion-out-of-range']);
    assert.deepEqual(proportion('-1 %'), ['result-proportion-out-of-range']);
    assert.deepEqual(proportion('1 1'), []);
    assert.deepEqual(proportion('1.2 1'), ['result-proportion-out-of-range']);
    assert.deepEqual(proportion('90-120 %'), ['result-proportion-out-of-range']);
  });
  it('not for other statistics', () => {
    assert.deepEqual(codes('    statistic: percent change\n    value: 150 %\n'), []);
  });
});

describe('significant against p', () => {
  const sig = (p: string, significant: boolean) => codes(`    p: ${p}\n    significant: ${significant}\n`);
  it('true with p above 0.05, false with p below it', () => {
    assert.deepEqual(sig('0.21', true), ['result-significance-contradiction']);
    assert.deepEqual(sig("'>0.05'", true), ['result-significance-contradiction']);
    assert.deepEqual(sig("'> 0.1'", true), ['result-significance-contradiction']);
    assert.deepEqual(sig('0.01', false), ['result-significance-contradiction']);
    assert.deepEqual(sig("'<0.05'", false), ['result-significance-contradiction']);
    assert.deepEqual(sig("'≤0.01'", false), ['result-significance-contradiction']);
  });
  it('agreeing values, and the boundary 0.05 itself, are not contradictions', () => {
    assert.deepEqual(sig('0.01', true), []);
    assert.deepEqual(sig("'<0.05'", true), []);
    assert.deepEqual(sig('0.21', false), []);
    assert.deepEqual(sig("'>0.05'", false), []);
    assert.deepEqual(sig('0.05', true), []);
    assert.deepEqual(sig('0.05', false), []);
    assert.deepEqual(sig("'>=0.05'", true), [], 'p may be exactly 0.05');
    assert.deepEqual(sig("'<=0.05'", false), [], 'p may be exactly 0.05');
    assert.deepEqual(sig("'=0.03'", true), []);
    assert.deepEqual(sig("'=0.03'", false), ['result-significance-contradiction']);
  });
  it('reads "at most" and "at least" as intervals from 0 and to 1, in both spellings', () => {
    assert.deepEqual(sig("'<=0.5'", true), [], 'p may be anything down to 0');
    assert.deepEqual(sig("'≤0.5'", true), []);
    assert.deepEqual(sig("'<0.5'", true), []);
    assert.deepEqual(sig("'>=0.01'", false), [], 'p may be anything up to 1');
    assert.deepEqual(sig("'≥0.01'", false), []);
    assert.deepEqual(sig("'≥0.05'", true), [], 'p may be exactly 0.05');
    assert.deepEqual(sig("'≥0.06'", true), ['result-significance-contradiction']);
  });
  it('reads a p-value with spaces around it, and nothing from a p that is no number (whatever the schema says of its form)', () => {
    const sig = (p: string, significant: boolean) => codes(`    p: ${p}\n    significant: ${significant}\n`).filter((c) => c.startsWith('result-'));
    assert.deepEqual(sig("' 0.21 '", true), ['result-significance-contradiction']);
    assert.deepEqual(sig("'< 0.01 '", false), ['result-significance-contradiction']);
    assert.deepEqual(sig("'1.2.3'", true), []);
    assert.deepEqual(sig("'0.21x'", true), []);
    assert.deepEqual(sig("'x0.21'", true), []);
    assert.deepEqual(sig("'0.01 (two-sided)'", false), []);
  });
  it('is reported at significant', () => {
    const text = study('    p: 0.21\n    significant: true\n');
    const p = validate(text).find((x) => x.code === 'result-significance-contradiction');
    assert.equal(text.slice(p?.start, p?.end), 'true');
  });
});

describe("a result larger than its arm", () => {
  it('more than the arm, not as many, and approximate sizes', () => {
    assert.deepEqual(codes('    n: 11\n', '    n: 10\n'), ['result-n-exceeds-arm']);
    assert.deepEqual(codes('    n: 10\n', '    n: 10\n'), []);
    assert.deepEqual(codes('    n: 11\n', "    n: '~10'\n"), ['result-n-exceeds-arm']);
    assert.deepEqual(codes('    n: 11\n'), [], 'an arm of unknown size');
  });
  it('a comparison counts both arms, so it is not compared with one', () => {
    const text = trial((b) =>
      b
        .replace('    role: experimental\n', '    role: experimental\n    n: 10\n')
        .replace('timepoints:\n', '  - id: control\n    role: placebo comparator\n    n: 10\ntimepoints:\n')
        .replace('curation:', 'results:\n  - endpoint: ae\n    arm: treated\n    comparator: control\n    timepoint: w4\n    n: 20\ncuration:'),
    );
    assert.deepEqual(validate(text).filter((p) => p.severity !== 'info').map((p) => p.code), []);
  });
});

describe('arm sizes against the counts', () => {
  const counts = (lines: string, n1: number, n2?: number) =>
    validate(
      trial((b) =>
        b
          .replace('  species: Homo sapiens\n', `  species: Homo sapiens\n  counts:\n${lines}`)
          .replace('    role: experimental\n', `    role: experimental\n    n: ${n1}\n`)
          .replace('timepoints:\n', n2 === undefined ? 'timepoints:\n' : `  - id: control\n    role: placebo comparator\n    n: ${n2}\ntimepoints:\n`),
      ),
    )
      .filter((p) => p.severity !== 'info')
      .map((p) => p.code);
  it('more than enrolled, when no randomized count is given; as many is fine', () => {
    assert.deepEqual(counts('    enrolled: 20\n', 12, 12), ['count-exceeds-enrolled']);
    assert.deepEqual(counts('    enrolled: 24\n', 12, 12), []);
    assert.deepEqual(counts("    enrolled: '~20'\n", 21), ['count-exceeds-enrolled']);
  });
  it('randomized, the tighter count, speaks for both: one problem', () => {
    assert.deepEqual(counts('    enrolled: 20\n    randomized: 20\n', 12, 12), ['count-exceeds-randomized']);
    assert.deepEqual(counts('    enrolled: 20\n    randomized: 24\n', 12, 12), [], 'randomized more than enrolled is for the counts to explain, not the arms');
    assert.deepEqual(counts('    planned: 10\n', 12, 12), [], 'a planned count is no bound');
  });
});

describe('each contradiction exactly: where, what it says, what a fix reads', () => {
  const problems = (fields: string, arm = '') =>
    validate(study(fields, arm))
      .filter((p) => p.code.startsWith('result-') || p.code === 'check-failed')
      .map((p) => [p.code, p.line, p.message, p.data]);
  const signed = (value: string, direction: string, statistic = 'difference') => problems(`    statistic: ${statistic}\n    value: ${value}\n    direction: ${direction}\n`);
  it('a change against its direction: both bounds must be past zero, and a value and a statistic are needed', () => {
    assert.deepEqual(signed('-3 mg', 'increase', 'change from baseline'), [['result-direction-contradiction', 34, 'A change from baseline of `-3 mg` is a decrease, but `direction` says increase; check the sign or the direction.', { pointer: '/results/0/value', direction: 'increase' }]]);
    assert.deepEqual(signed('2-5 mg', 'decrease'), [['result-direction-contradiction', 34, 'A difference of `2-5 mg` is an increase, but `direction` says decrease; check the sign or the direction.', { pointer: '/results/0/value', direction: 'decrease' }]]);
    assert.equal(signed('-5 to -2 mg', 'increase').length, 1);
    for (const [value, direction] of [['-5 to 2 mg', 'increase'], ['-2 to 0 mg', 'increase'], ['0-2 mg', 'decrease'], ['-5 to 2 mg', 'decrease']]) {
      assert.deepEqual(signed(value as string, direction as string), [], `${value} ${direction}`);
    }
    assert.deepEqual(problems('    statistic: difference\n    direction: increase\n'), [], 'no value');
    assert.deepEqual(problems('    value: -3 mg\n    direction: increase\n'), [], 'no statistic');
  });
  it('a proportion out of range, in %, as a fraction and in another unit of one', () => {
    const proportion = (value: string) => problems(`    statistic: proportion\n    value: ${value}\n`);
    assert.deepEqual(proportion('120 %'), [['result-proportion-out-of-range', 34, 'A proportion lies between 0 and 100 %; `120 %` does not.', { pointer: '/results/0/value' }]]);
    assert.deepEqual(proportion('1.5 1'), [['result-proportion-out-of-range', 34, 'A proportion lies between 0 and 1; `1.5 1` does not.', { pointer: '/results/0/value' }]]);
    assert.deepEqual(proportion('1200 [ppth]'), [['result-proportion-out-of-range', 34, 'A proportion lies between 0 and 1000 [ppth]; `1200 [ppth]` does not.', { pointer: '/results/0/value' }]]);
    assert.deepEqual(proportion('5 mg'), [], 'not a unit of one');
    assert.deepEqual(proportion('-5 mg'), [], 'not a unit of one, even below zero');
    assert.deepEqual(problems('    statistic: proportion\n'), [], 'no value');
  });
  it('counts: more than all of them at the numerator; both needed; as many is fine', () => {
    const counts = (numerator: string, denominator: string, value = '50 %') => problems(`    statistic: proportion\n    value: ${value}\n${numerator ? `    numerator: ${numerator}\n` : ''}${denominator ? `    denominator: ${denominator}\n` : ''}`);
    assert.deepEqual(counts('13', '12'), [['result-proportion-out-of-range', 35, '13 of 12 is more than all of them; check the numerator and the denominator.', { pointer: '/results/0/numerator' }]]);
    assert.deepEqual(counts('12', '12', '100 %'), []);
    assert.deepEqual(counts('13', ''), []);
    assert.deepEqual(counts('', '12'), []);
  });
  it('counts against the proportion written: one unit in the last place allowed, nothing to compare without a single value', () => {
    const counts = (numerator: string, denominator: string, value: string, statistic = 'proportion') => problems(`    statistic: ${statistic}\n    value: ${value}\n    numerator: ${numerator}\n    denominator: ${denominator}\n`);
    assert.deepEqual(counts('7', '12', '50 %'), [['result-fraction-mismatch', 34, '7 of 12 is 58.3 %, not `50 %`; check the counts or the proportion.', { pointer: '/results/0/value' }]]);
    assert.deepEqual(counts('7', '12', '0.5 1'), [['result-fraction-mismatch', 34, '7 of 12 is 0.6, not `0.5 1`; check the counts or the proportion.', { pointer: '/results/0/value' }]]);
    assert.deepEqual(counts('~7', '~12', '50 %').length, 1, 'approximate counts');
    assert.deepEqual(counts('0', '12', '50 %').map((p) => p[2]), ['0 of 12 is 0 %, not `50 %`; check the counts or the proportion.']);
    assert.deepEqual(counts('1', '2', '51 %'), [], 'exactly one point off');
    assert.equal(counts('1', '2', '51.1 %').length, 1, 'more than one point off');
    assert.deepEqual(counts('17', '24', '71 %'), []);
    assert.deepEqual(counts('7', '12', '40-60 %'), [], 'a range');
    assert.deepEqual(counts('7', '12', '50 %', 'mean'), [], 'not a proportion');
    assert.deepEqual(counts('0', '0', '50 %'), [], 'no denominator to divide by');
    assert.deepEqual(counts('7', '12', '5 mg'), [], 'not a unit of one');
  });
  it('a result larger than its arm says both counts', () => {
    assert.deepEqual(problems('    n: 13\n', '    n: 12\n'), [['result-n-exceeds-arm', 34, 'This result counts 13 participants, more than the 12 in arm `treated`.', { pointer: '/results/0/n', n: 13, armSize: 12 }]]);
  });
});
