// The exports of Compare Trials, byte for byte: the long CSV's columns, the wide CSV's pairing
// of a treatment arm with each comparator arm (and what it leaves out), CSV fields a spreadsheet
// would run as formulas, and the Markdown tables with their escapes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildComparison, toCsvLong, toCsvWide, toMarkdown, ValidationSession, type Comparison } from '../../src/core';
import { csvField, md } from '../../src/core/compare/export';

const compare = (files: Record<string, string>): Comparison => buildComparison(Object.entries(files).map(([file, text]) => ({ file, result: new ValidationSession().run(text) })));

const TRIAL = `study:
  id: t1
arms:
  - id: cells
    role: experimental
    n: 10
  - id: high
    role: experimental
    n: 11
  - id: placebo
    role: placebo comparator
    n: 9
  - id: open
    n: 3
endpoints:
  - id: crp
    name: CRP
    analyte: CRP
    unit: mg/L
results:
  - endpoint: crp
    arm: cells
    timepoint: w4
    statistic: mean
    value: 4.5
    dispersion: {type: SD, value: 1.2}
  - endpoint: crp
    arm: high
    timepoint: w4
    statistic: mean
    value: 3 mg/L
  - endpoint: crp
    arm: placebo
    timepoint: w4
    statistic: mean
    value: 6 mg/L
    dispersion: {type: 95% CI, low: 5, high: 7}
  - endpoint: crp
    arm: open
    timepoint: w4
    statistic: mean
    value: 1 mg/L
  - endpoint: crp
    arm: placebo
    timepoint: w8
    statistic: mean
    value: 6 mg/L
  - endpoint: crp
    arm: cells
    comparator: placebo
    timepoint: w4
    statistic: mean difference
    value: -1.5 mg/L
    p: 0.04
  - endpoint: crp
    arm: cells
    timepoint: w4
    statistic: median
    numerator: 2
    denominator: 10
`;

describe('the long CSV', () => {
  it('writes one row per result with every column, in order, and CRLF line ends', () => {
    const rows = toCsvLong(compare({ 't.yaml': TRIAL })).split('\r\n');
    assert.deepEqual(rows, [
      'study_id,arm_id,arm_label,role,n,comparator_arm,endpoint_id,endpoint_name,analyte_or_instrument,unit,timepoint,statistic,value,numerator,denominator,dispersion_kind,dispersion_value,p,direction,significant,source_file,source_line',
      't1,cells,,experimental,10,,crp,CRP,CRP,mg/L,w4,mean,4.5,,,SD,1.2,,,,t.yaml,21',
      't1,high,,experimental,11,,crp,CRP,CRP,mg/L,w4,mean,3,,,,,,,,t.yaml,27',
      't1,placebo,,placebo comparator,9,,crp,CRP,CRP,mg/L,w4,mean,6,,,95% CI,5 to 7,,,,t.yaml,32',
      't1,open,,,3,,crp,CRP,CRP,mg/L,w4,mean,1,,,,,,,,t.yaml,38',
      't1,placebo,,placebo comparator,9,,crp,CRP,CRP,mg/L,w8,mean,6,,,,,,,,t.yaml,43',
      't1,cells,,experimental,10,placebo,crp,CRP,CRP,mg/L,w4,mean difference,-1.5,,,,,0.04,,,t.yaml,48',
      't1,cells,,experimental,10,,crp,CRP,CRP,mg/L,w4,median,,2,10,,,,,,t.yaml,55',
      '',
    ]);
  });
});

describe('the wide CSV', () => {
  it('pairs every treatment arm with every comparator arm at the same endpoint, timepoint and statistic; leaves out comparisons, arms without a role, and results without a partner', () => {
    const rows = toCsvWide(compare({ 't.yaml': TRIAL, 'u.yaml': TRIAL.replace('id: t1', 'id: t2').replace(/arm: placebo\n/g, 'arm: cells\n').replace('  - id: cells\n    role: experimental\n', '  - id: cells\n    role: experimental\n    label: only arm\n') })).split('\r\n');
    assert.deepEqual(rows, [
      'study_id,endpoint_id,endpoint_name,timepoint,statistic,unit,treatment_arm,n_t,value_t,dispersion_kind_t,dispersion_t,events_t,total_t,comparator_arm,n_c,value_c,dispersion_kind_c,dispersion_c,events_c,total_c',
      't1,crp,CRP,w4,mean,mg/L,cells,10,4.5,SD,1.2,,,placebo,9,6,95% CI,5 to 7,,',
      't1,crp,CRP,w4,mean,mg/L,high,11,3,,,,,placebo,9,6,95% CI,5 to 7,,',
      '',
    ]);
  });
  it('takes the unit from the comparator arm where the treatment arm has none, and counts as events and total', () => {
    const counts = TRIAL.replace('    unit: mg/L\n', '').replace('    value: 4.5\n', '    value: 4.5\n    numerator: 4\n    denominator: 10\n');
    const rows = toCsvWide(compare({ 't.yaml': counts })).split('\r\n');
    assert.equal(rows[1], 't1,crp,CRP,w4,mean,mg/L,cells,10,4.5,SD,1.2,4,10,placebo,9,6,95% CI,5 to 7,,');
    assert.equal(rows[2], 't1,crp,CRP,w4,mean,mg/L,high,11,3,,,,,placebo,9,6,95% CI,5 to 7,,');
  });
});

describe('a CSV field', () => {
  it('is quoted where it holds a comma, a quote or a line break, and written as text where a spreadsheet would run it', () => {
    const cases: [string | number | null, string][] = [
      [null, ''],
      [0, '0'],
      ['plain', 'plain'],
      ['a, b', '"a, b"'],
      ['say "x"', '"say ""x"""'],
      ['two\nlines', '"two\nlines"'],
      ['cr\rhere', '"cr\rhere"'],
      ['-1.5', '-1.5'],
      ['-.5', '-.5'],
      ['-2e-3', '-2e-3'],
      ['-2E5', '-2E5'],
      ['-2e', "'-2e"],
      ['-12x', "'-12x"],
      ['-5 to -2', "'-5 to -2"],
      ['x-1', 'x-1'],
      ['=SUM(A1)', "'=SUM(A1)"],
      ['+1', "'+1"],
      ['@cmd', "'@cmd"],
      ['\tx', "'\tx"],
      ['\rx', '"\'\rx"'],
      ['=a,b', '"\'=a,b"'],
    ];
    for (const [v, out] of cases) assert.equal(csvField(v), out, JSON.stringify(v));
  });
});

describe('Markdown', () => {
  it('escapes backslashes, pipes and angle brackets, and puts a line break on one line', () => {
    assert.equal(md('a\\b | <i>x</i>\r\ny\nz'), 'a\\\\b \\| &lt;i&gt;x&lt;/i&gt; y z');
  });
  it('writes the overview with each file\'s problems and the endpoint matrix, trials as columns, expectations marked', () => {
    const sle = 'study:\n  id: s|1\n  type: randomized controlled trial\npopulation:\n  species: Homo sapiens\n  condition:\n    name: systemic lupus erythematosus\nendpoints:\n  - id: c3\n    name: C3\n    analyte: C3\n    priority: safety\n';
    const text = toMarkdown(compare({ 'a.yaml': sle, 'b.yaml': '\u0000' }));
    const errors = new ValidationSession().run(sle).problems.filter((p) => p.severity === 'error').length;
    const warnings = new ValidationSession().run(sle).problems.filter((p) => p.severity === 'warning').length;
    assert.equal(
      text,
      [
        '# Compared trials',
        '',
        '## Overview',
        '',
        '| | s\\|1 | b.yaml |',
        '|---|---|---|',
        `| Problems in the file | ${errors} errors, ${warnings} warnings | unreadable |`,
        '| Study type | randomized controlled trial |  |',
        '| Condition | systemic lupus erythematosus |  |',
        '| Species | Homo sapiens |  |',
        '',
        '## Endpoints',
        '',
        '| | s\\|1 | b.yaml |',
        '|---|---|---|',
        '| SLE disease activity (SLEDAI-2K, MEX-SLEDAI) | ⚠ expected by the outcome set, not recorded (a disease activity index (SLEDAI-2K or MEX-SLEDAI)) |  |',
        '| Complement C3 | C3: declared, no result |  |',
        '| Complement C4 | ⚠ expected by the outcome set, not recorded (complement C4) |  |',
        '| Anti-dsDNA | ⚠ expected by the outcome set, not recorded (anti-dsDNA) |  |',
        '',
      ].join('\n'),
    );
  });
});
