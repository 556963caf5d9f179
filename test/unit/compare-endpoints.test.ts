// The endpoint matrix and the long-form results of Compare Trials: the examples' matrix written
// out in full, how one result is said in a cell, and one made-up trial for the secondary paths
// (endpoints no group holds, two endpoints in one row, the three states of a missing result,
// expectations of a workspace outcome set, and every column of the long form).
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildComparison, ValidationSession, type Cell, type Comparison, type ValidateOptions } from '../../src/core';
import { describeResult } from '../../src/core/compare/endpoint-matrix';
import { EXAMPLES, read, studyFiles } from '../helpers/studies';

const compare = (files: Record<string, string>, options?: ValidateOptions): Comparison => buildComparison(Object.entries(files).map(([file, text]) => ({ file, result: new ValidationSession().run(text, options) })));

/** A cell as [text, line, state] (line -1 where it has no source); A where absent. */
type Expected = 'A' | [string, number] | [string, number, Cell['state']];
const A = 'A';
const shown = (c: Cell): Expected => (c.state === 'absent' ? A : c.state === 'value' ? [c.text, c.source?.line ?? -1] : [c.text, c.source?.line ?? -1, c.state]);

describe('the endpoint matrix of the examples', () => {
  it('groups what each trial measured, row by row in the table\'s order, then the endpoints no group holds by name', () => {
    const files = studyFiles(EXAMPLES).sort();
    const c = compare(Object.fromEntries(files.map((f) => [path.basename(f), read(f)])));
    const expected: [string, string, string, Expected[]][] = [
      ["sle-activity", "endpoints", "SLE disease activity (SLEDAI-2K, MEX-SLEDAI)", [["Proportion of patients with a SLEDAI-2000 decrease of 4 points or more [w24]: declared, no result", 120, "declared-not-reported"], A, ["MEX-SLEDAI score [baseline, d22, d43]: secretome vs placebo: decrease, p <0.05, significant", 137], A, A]],
      ["c3", "endpoints", "Complement C3", [["expected by the outcome set, not recorded (complement C3)", -1, "missing-expected"], A, ["Complement C3 [baseline, d22, d43]: secretome @d43: increase, significant", 144], A, A]],
      ["c4", "endpoints", "Complement C4", [["expected by the outcome set, not recorded (complement C4)", -1, "missing-expected"], A, ["Complement C4 [baseline, d22, d43]: secretome vs placebo: not significant", 150], A, A]],
      ["anti-dsdna", "endpoints", "Anti-dsDNA", [["expected by the outcome set, not recorded (anti-dsDNA)", -1, "missing-expected"], A, ["Anti-double-stranded DNA antibodies [baseline, d22, d43]: secretome: decrease, not significant", 163], A, A]],
      ["il-6", "endpoints", "IL-6", [A, A, ["Interleukin-6 [baseline, d22, d43]: secretome: decrease", 155], ["Serum IL-6 [h48]: t1 @h48: decrease, significant; t2 @h48: decrease, significant", 101], A]],
      ["tnf-alpha", "endpoints", "TNF-alpha", [A, A, ["Tumor necrosis factor-alpha [baseline, d22, d43]: secretome: decrease", 159], A, A]],
      ["il-4", "endpoints", "IL-4", [A, A, A, ["Serum IL-4 [h48]: t2 @h48: increase, significant; t1 @h48: not significant", 113], A]],
      ["cartilage-imaging", "endpoints", "Cartilage imaging (MRI, X-ray)", [A, A, A, A, ["MRI examination [before, after]: exos-ascending @after: a certain degree of effectiveness was found in the comparison of clinical scores and MRI examinations before and after treatment", 105]]],
      ["survival", "endpoints", "Survival and mortality", [A, A, A, ["expected by the outcome set, not recorded (survival)", -1, "missing-expected"], A]],
      ["adverse-events", "endpoints", "Adverse events", [["Incidence and severity of treatment-emergent adverse events [d1-28]: declared, no result | Relationship of adverse events to the study drug [not-stated]: declared, no result", 111, "declared-not-reported"], A, ["Severe adverse events [study-period]: secretome @study-period: count 0 {events}", 168], A, ["Adverse consequences [after]: exos-ascending @after: hUC-MSC- Exos injection treatment of OA patients did not cause any adverse consequences", 96]]],
      ["other:clinicalscores", "endpoints", "Clinical scores", [A, A, A, A, ["Clinical scores [before, after]: exos-ascending @after: a certain degree of effectiveness was found in the comparison of clinical scores and MRI examinations before and after treatment", 100]]],
      ["other:immunogenicity", "endpoints", "Immunogenicity", [["Immunogenicity [not-stated]: declared, no result", 131, "declared-not-reported"], A, A, A, A]],
      ["other:pharmacodynamics", "endpoints", "Pharmacodynamics", [["Pharmacodynamics [not-stated]: declared, no result", 127, "declared-not-reported"], A, A, A, A]],
    ];
    assert.deepEqual(
      c.endpoints.map((r) => [r.id, r.group, r.label, r.cells.map(shown)]),
      expected,
    );
  });
});

describe('one result, said shortly', () => {
  it('names arm, comparator and timepoint, then direction, statistic and value, p and significance', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ arm: 'a', comparator: 'b', timepoint: 'w4', direction: 'increase', statistic: 'mean', value: 3, p: 0.01, significant: true }, 'a vs b @w4: increase, mean 3, p = 0.01, significant'],
      [{ arm: 'a', value: '2.5 mg' }, 'a: value 2.5 mg'],
      [{ arm: 'a', value: 0, p: 0 }, 'a: value 0, p = 0'],
      [{ value: { value: 4, unit: 'mg/L' } }, ': value 4 mg/L'],
      [{ value: { low: -5, high: -2 } }, ': value -5 to -2'],
      [{ comparator: 'b', p: '<0.05' }, 'vs b: p <0.05'],
      [{ timepoint: 'd3', significant: false }, ' @d3: not significant'],
      [{ arm: 'a', significant: 'yes', value: true }, 'a: reported'],
      [{ arm: 'a', as_reported: 'improved in most patients' }, 'a: improved in most patients'],
      [{}, ': reported'],
    ];
    for (const [result, text] of cases) assert.equal(describeResult(result), text, JSON.stringify(result));
  });
});

const TRIAL = `study:
  id: ep
  type: randomized controlled trial
population:
  species: Homo sapiens
  condition:
    name: systemic lupus erythematosus
arms:
  - id: a
    label: Secretome
    role: experimental
    n: 12
  - id: b
    role: placebo comparator
timepoints:
  - id: w4
    at: 4 wk
endpoints:
  - id: sledai
    name: SLEDAI-2K score
    instrument: SLEDAI-2K
    timepoints: [w4, {id: w1}]
  - id: bilag
    instrument: BILAG
    not_reported:
      reason: only in the protocol
  - id: crp
    name: C-reactive protein
    analyte: CRP
    unit: mg/L
  - id: esr
    analyte: ESR
    not_reported: {}
  - id: grip
    name: Grip strength
  - name: Fatigue
results:
  - endpoint: crp
    arm: b
    value: 5
    dispersion: {type: SD, value: 0.5}
  - endpoint: sledai
    arm: a
    comparator: b
    timepoint: w4
    statistic: mean difference
    value: -3.5 {score}
    dispersion: {type: 95% CI, low: -5, high: -2}
    p: 0.01
    direction: decrease
    significant: true
    n: 10
  - endpoint: crp
    arm: a
    value: 1-2 mg/L
    significant: false
`;

describe('the endpoint matrix\'s secondary paths', () => {
  const c = compare({ 'ep.yaml': TRIAL });
  const lineOf = (needle: string) => TRIAL.split('\n').findIndex((l) => l.includes(needle)) + 1;
  it('keeps two endpoints of one group in one cell, a result first; says not reported with or without a reason, declared without a result, and expected but missing', () => {
    assert.deepEqual(c.endpoints.map((r) => [r.id, r.label, r.cells.map(shown)[0]]), [
      ['sle-activity', 'SLE disease activity (SLEDAI-2K, MEX-SLEDAI)', ['SLEDAI-2K score [w4]: a vs b @w4: decrease, mean difference -3.5 {score}, p = 0.01, significant | bilag: not reported (only in the protocol)', lineOf('- endpoint: sledai')]],
      ['c3', 'Complement C3', ['expected by the outcome set, not recorded (complement C3)', -1, 'missing-expected']],
      ['c4', 'Complement C4', ['expected by the outcome set, not recorded (complement C4)', -1, 'missing-expected']],
      ['anti-dsdna', 'Anti-dsDNA', ['expected by the outcome set, not recorded (anti-dsDNA)', -1, 'missing-expected']],
      ['adverse-events', 'Adverse events', ['expected by the outcome set, not recorded (adverse events)', -1, 'missing-expected']],
      ['other:crp', 'C-reactive protein', ['C-reactive protein: b: value 5; a: value 1-2 mg/L, not significant', lineOf('- endpoint: crp')]],
      ['other:esr', 'esr', ['esr: not reported (no reason given)', lineOf('- id: esr'), 'not-reported']],
      ['other:fatigue', 'Fatigue', ['Fatigue: declared, no result', lineOf('- name: Fatigue'), 'declared-not-reported']],
      ['other:gripstrength', 'Grip strength', ['Grip strength: declared, no result', lineOf('- id: grip'), 'declared-not-reported']],
    ]);
  });
  it('a cell\'s state is the first endpoint\'s where it has a value, else the later one\'s', () => {
    const first = compare({ 'x.yaml': TRIAL.replace('  - id: bilag\n', '  - id: bilag2\n    instrument: BILAG\n  - id: bilag\n') });
    assert.deepEqual(shown(first.endpoints[0]?.cells[0] as Cell).slice(2), [], 'a value first keeps the value');
    const declared = compare({ 'y.yaml': TRIAL.replace('  - endpoint: sledai\n', '  - endpoint: none\n') });
    assert.deepEqual(shown(declared.endpoints[0]?.cells[0] as Cell), ['SLEDAI-2K score [w4]: declared, no result | bilag: not reported (only in the protocol)', lineOf('- id: sledai'), 'not-reported']);
  });
  it('an endpoint no group holds is keyed by instrument, then analyte, then name, then id; one without any by its place', () => {
    const keyed = compare({ 'k.yaml': 'endpoints:\n  - id: e1\n    instrument: Grip Meter\n    analyte: CRP\n  - id: e2\n    analyte: Ferritin\n    name: Iron stores\n  - id: e3\n  - {}\n' });
    assert.deepEqual(keyed.endpoints.map((r) => [r.id, r.label]), [['other:3', '?'], ['other:gripmeter', 'e1'], ['other:e3', 'e3'], ['other:ferritin', 'Iron stores']], 'sorted by label');
  });
  it('an expectation of a workspace outcome set that no group answers gets a row of its own, named by the expectation', () => {
    const profiles = [{ id: 'sle', name: 'SLE (workspace)', applies: { names: ['lupus'] }, expects: [{ id: 'fatigue-score', label: 'a fatigue score', instruments: ['FACIT-F'] }] }];
    const w = compare({ 'w.yaml': TRIAL }, { profiles });
    const row = w.endpoints.find((r) => r.id === 'expected:fatigue-score');
    assert.deepEqual(row && [row.label, shown(row.cells[0] as Cell)], ['a fatigue score', ['expected by the outcome set, not recorded (a fatigue score)', -1, 'missing-expected']]);
  });
  it('an expectation the trial records in another way leaves that row as it is', () => {
    const met = compare({ 'm.yaml': TRIAL.replace('  - id: grip\n', '  - id: c3\n    analyte: C3\n    not_reported:\n      reason: lost samples\n  - id: grip\n') });
    assert.deepEqual(shown(met.endpoints.find((r) => r.id === 'c3')?.cells[0] as Cell), ['c3: not reported (lost samples)', lineOf('- id: grip'), 'not-reported']);
  });
});

describe('the results in long form', () => {
  const c = compare({ 'ep.yaml': TRIAL });
  it('has every column: the arm\'s label, role and size unless the result gives n, the measure, the unit from the value or the endpoint, ranges and intervals as "low to high"', () => {
    const base = { study: 'ep', numerator: '', denominator: '', file: 'ep.yaml' };
    assert.deepEqual(c.results, [
      { ...base, arm: 'b', armLabel: '', role: 'placebo comparator', n: null, comparator: '', endpoint: 'crp', endpointName: 'C-reactive protein', measure: 'CRP', unit: 'mg/L', timepoint: '', statistic: '', value: '5', dispersionKind: 'SD', dispersion: '0.5', p: '', direction: '', significant: '', line: 38 },
      { ...base, arm: 'a', armLabel: 'Secretome', role: 'experimental', n: 10, comparator: 'b', endpoint: 'sledai', endpointName: 'SLEDAI-2K score', measure: 'SLEDAI-2K', unit: '{score}', timepoint: 'w4', statistic: 'mean difference', value: '-3.5', dispersionKind: '95% CI', dispersion: '-5 to -2', p: '0.01', direction: 'decrease', significant: 'true', line: 42 },
      { ...base, arm: 'a', armLabel: 'Secretome', role: 'experimental', n: 12, comparator: '', endpoint: 'crp', endpointName: 'C-reactive protein', measure: 'CRP', unit: 'mg/L', timepoint: '', statistic: '', value: '1 to 2', dispersionKind: '', dispersion: '', p: '', direction: '', significant: 'false', line: 53 },
    ]);
  });
  it('reads counts as numerator and denominator, and a result of a file without a study id under the file\'s name', () => {
    const counts = compare({ 'n.yaml': 'endpoints:\n  - id: ae\n    name: AE\nresults:\n  - endpoint: ae\n    arm: x\n    numerator: 2\n    denominator: 20\n    value: not a quantity\n' });
    assert.deepEqual(counts.results.map((r) => [r.study, r.numerator, r.denominator, r.value, r.unit, r.measure, r.line]), [['n.yaml', '2', '20', 'not a quantity', '', '', 5]]);
  });
});

describe('the chart series\' secondary paths', () => {
  it('a timepoint written in long form is labelled by its value and unit; one without a time is left out', () => {
    const c = compare({ 't.yaml': 'study:\n  id: t\ntimepoints:\n  - id: a\n    at: {value: 6, unit: wk}\n  - id: b\n    at: not stated\n  - id: c\n    label: end\n    at: 2 d\n' });
    assert.deepEqual(c.timelines[0]?.points.map((p) => [p.id, p.label, p.days, p.source?.line]), [['c', 'end', 2, 10], ['a', '6 wk', 42, 5]]);
  });
  it('an effect is grouped by its endpoint\'s group, else named by the endpoint\'s name, else its id, else "?"; an interval needs both bounds', () => {
    const text = 'study:\n  id: t\nendpoints:\n  - id: grip\n    name: Grip strength\n    unit: kg\nresults:\n  - endpoint: grip\n    value: 30\n    dispersion: {type: 95% CI, low: 25}\n  - endpoint: gone\n    value: 1-2 mg\n  - value: 5 mg\n    dispersion: {type: 95% CI, low: 4, high: 6}\n';
    const c = compare({ 't.yaml': text });
    assert.deepEqual(c.effects.map((e) => [e.group, e.groupLabel, e.unit, e.value, e.low, e.high]), [
      ['endpoint:grip', 'Grip strength', 'kg', 30, undefined, undefined],
      ['endpoint:gone', 'gone', 'mg', 1, 1, 2],
      ['endpoint:?', '?', 'mg', 5, 4, 6],
    ]);
  });
});
