// The exports of dual extraction, byte for byte: the agreement CSV (agreement rows per section,
// kappa on the overall row only, a row per difference with both values, lines and quotes) and
// the Markdown for a review's methods section; kappa said with what it rests on.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ValidationSession } from '../../src/core';
import { agreementCsv, agreementMarkdown, kappaText } from '../../src/core/agree/export';
import { comparePair } from '../../src/core/agree/pairs';
import { EXAMPLES, read, trial } from '../helpers/studies';

const A_FILE = 'extractions/curator-a/nurudhin-2025-sle-secretome.study.yaml';
const B_FILE = 'extractions/curator-b/nurudhin-2025-sle-secretome.study.yaml';
const input = (file: string, text: string) => ({ file, result: new ValidationSession().run(text) });
const pair = () => comparePair(input(A_FILE, read(path.join(EXAMPLES, A_FILE))), input(B_FILE, read(path.join(EXAMPLES, B_FILE))));

describe('the agreement CSV', () => {
  it('has the header, an agreement row per section (kappa on the overall row), and a row per difference', () => {
    const who = `nurudhin-2025-sle-secretome,${A_FILE},A. Rahman,${B_FILE},B. Santoso`;
    const sections: [string, number, number, string][] = [
      ['study', 4, 4, '1'], ['citation', 9, 9, '1'], ['design', 4, 3, '0.75'], ['population', 7, 6, '0.8571428571428571'], ['products', 7, 7, '1'], ['arms', 16, 16, '1'],
      ['timepoints', 7, 7, '1'], ['endpoints', 28, 28, '1'], ['results', 30, 28, '0.9333333333333333'], ['safety', 2, 2, '1'], ['conclusions', 2, 2, '1'],
    ];
    const quote = 'Anti-dsDNA levels exhibited a decreasing trend in the secretome group, though not statistically significant';
    assert.deepEqual(agreementCsv([pair()]).split('\r\n'), [
      'record,study_id,left_file,left_curator,right_file,right_curator,section,fields,agreed,share,kappa,kappa_fields,field,categorical,left_value,right_value,left_line,right_line,left_quote,right_quote',
      `agreement,${who},overall,116,112,0.9655172413793104,0.9166666666666667,14,,,,,,,,`,
      ...sections.map(([s, fields, agreed, share]) => `agreement,${who},${s},${fields},${agreed},${share},,,,,,,,,,`),
      `difference,${who},design,,,,,,design.masking.masked,false,,"[ participant, investigator ]",,36,,`,
      `difference,${who},population,,,,,,population.severity,false,moderate,moderate to severe,45,46,,`,
      `difference,${who},results,,,,,,results.1.timepoint,false,d43,,144,,Complement C3 levels significantly increased in the secretome group on Day 43,`,
      `difference,${who},results,,,,,,results.5.direction,true,decrease,no change,163,163,"${quote}","${quote}"`,
      '',
    ]);
  });
  it('is the header alone without pairs', () => {
    assert.equal(agreementCsv([]).split('\r\n').length, 2);
  });
});

describe('the agreement Markdown', () => {
  it('states per pair the files and curators, the agreement per section, kappa and every difference', () => {
    const text = agreementMarkdown([pair()]);
    const lines = text.split('\n');
    assert.deepEqual(lines.slice(0, 9), ['# Extraction agreement', '', '## nurudhin-2025-sle-secretome', '', `${A_FILE} (A. Rahman) and ${B_FILE} (B. Santoso)`, '', '| Section | Fields | Agreed | Agreement |', '|---|---|---|---|', '| overall | 116 | 112 | 96.6% |']);
    assert.ok(lines.includes('| design | 4 | 3 | 75.0% |') && lines.includes('| population | 7 | 6 | 85.7% |') && lines.includes('| study | 4 | 4 | 100.0% |'));
    assert.deepEqual(lines.slice(-12), [
      '',
      "Cohen's kappa: 0.92 (observed 0.93, chance 0.14; 14 categorical fields)",
      '',
      '### Differences (4)',
      '',
      '| Field | A. Rahman | B. Santoso |',
      '|---|---|---|',
      '| design.masking.masked | (none) | [ participant, investigator ] |',
      '| population.severity | moderate | moderate to severe |',
      '| results.1.timepoint | d43 | (none) |',
      '| results.5.direction | decrease | no change |',
      '',
    ]);
  });
  it('says when two extractions agree on every field, or when there are no pairs', () => {
    const same = comparePair(input('l.yaml', trial()), input('r.yaml', trial((t) => t.replace('curator: Test', 'curator: Other'))));
    const text = agreementMarkdown([same]);
    assert.match(text, /### Differences \(0\)\n\nNone: the two extractions agree on every field\.\n$/);
    assert.match(text, /\| overall \| \d+ \| \d+ \| 100\.0% \|/);
    assert.equal(agreementMarkdown([]), '# Extraction agreement\n\nNo pairs: no study id has files by two different curators.\n');
  });
});

describe('kappa as text', () => {
  it('gives the figure with observed and chance agreement and the number of fields, singular or plural; undefined where it is', () => {
    assert.equal(kappaText({ kappa: 0.5, observed: 0.75, expected: 0.5, n: 2 }), '0.50 (observed 0.75, chance 0.50; 2 categorical fields)');
    assert.equal(kappaText({ kappa: 1, observed: 1, expected: 1, n: 1 }), '1.00 (observed 1.00, chance 1.00; 1 categorical field)');
    assert.equal(kappaText({ kappa: null, observed: null, expected: null, n: 1 }), 'undefined (1 categorical field)');
    assert.equal(kappaText({ kappa: null, observed: 0.5, expected: 1, n: 0 }), 'undefined (0 categorical fields)');
  });
});

describe('a pair\'s header', () => {
  it('counts errors only, and reads a file without curation, or without a mapping, as no curator and no date', () => {
    const warned = trial((t) => t.replace('dose: 1 10*6{cells}/kg', 'dose: 1 million cells/kg'));
    const broken = trial((t) => t.replace('  - id: treated\n', '  - id: treated\n  label: x\n'));
    const p = comparePair(input('w.yaml', warned), input('b.yaml', broken));
    const problems = (text: string) => new ValidationSession().run(text).problems.map((x) => x.severity);
    assert.ok(problems(warned).length && !problems(warned).includes('error'), 'the left has problems, none an error');
    assert.deepEqual([p.id, p.problems], ['test-trial', { left: 0, right: 1 }]);
    const bare = comparePair(input('x.yaml', 'study:\n  title: x\n'), input('y.yaml', '\u0000'));
    assert.deepEqual([bare.id, bare.left, bare.right], ['', { file: 'x.yaml', curator: '', date: '' }, { file: 'y.yaml', curator: '', date: '' }]);
  });
});
