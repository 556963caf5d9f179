// The comparison model: doses normalised honestly (and refused where they cannot be), endpoints
// grouped across trials, the three states of a missing endpoint, sources of every cell, broken
// files, and the exports (CSV long and wide, Markdown) read back.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildComparison, toCsvLong, toCsvWide, toMarkdown, ValidationSession, type Comparison, type Row } from '../../src/core';
import { normaliseDose } from '../../src/core/compare/doses';
import { parseCsv } from '../helpers/csv';
import { EXAMPLES, read, studyFiles, trial } from '../helpers/studies';

const compare = (files: Record<string, string>): Comparison => buildComparison(Object.entries(files).map(([file, text]) => ({ file, result: new ValidationSession().run(text) })));
const row = (rows: readonly Row[], id: string) => {
  const r = rows.find((x) => x.id === id);
  assert.ok(r, `no row ${id} among ${rows.map((x) => x.id).join(', ')}`);
  return r;
};


describe('doses normalised per kind, honestly', () => {
  const n = (v: unknown) => {
    const d = normaliseDose(v);
    return d && [d.text, d.perKg, d.note ?? ''];
  };
  it('cells to millions, per kg or absolute; vesicles and particles counted as themselves; mass in ug; volume in mL', () => {
    assert.deepEqual(n('1.5 million cells/kg'), ['1.5 10*6{cells}/kg', true, '']);
    assert.deepEqual(n('3e6 {cells}/kg'), ['3 10*6{cells}/kg', true, '']);
    assert.deepEqual(n('2e8 {cells}'), ['2 × 10^8 {cells}', false, '']);
    assert.deepEqual(n('3-5 x 10^11 {particles}'), ['3 × 10^11-5 × 10^11 {particles}', false, ''], 'a range stays a range, the power read for both bounds');
    assert.deepEqual(n('8 10*8{exosomes}/kg'), ['8 × 10^8 {exosomes}/kg', true, '']);
    assert.deepEqual(n('2 mg'), ['2000 ug', false, '']);
    assert.deepEqual(n('100 mcg/kg'), ['100 ug/kg', true, '']);
    assert.deepEqual(n('150 uL'), ['0.15 mL', false, '']);
    assert.deepEqual(n({ value: 1.5, unit: 'mL', as_reported: '1.5 cc' }), ['1.5 mL', false, '']);
    assert.equal(normaliseDose({ value: 1.5, unit: 'mL', as_reported: '1.5 cc' })?.written, '1.5 cc', 'what was written is kept for hover');
  });
  it('shows a dose it cannot normalise as written, with the reason', () => {
    assert.deepEqual(n('5 [iU]'), ['5 [iU]', false, 'no common unit for doses in [iU]']);
    assert.deepEqual(n('2 blobs'), ['2 blobs', false, 'blobs is not a UCUM unit']);
    assert.deepEqual(n('a lot'), ['a lot', false, 'not a quantity']);
    assert.equal(normaliseDose(undefined), undefined);
  });
  it('never puts cells and particles in one unit', () => {
    const c = compare({
      'cells.yaml': trial((b) => b.replace('dose: 1 10*6{cells}/kg', 'dose: 2e6 {cells}/kg')),
      'evs.yaml': trial((b) => b.replace('kind: cells', 'kind: exosomes').replace('dose: 1 10*6{cells}/kg', 'dose: 4e9 {particles}/kg').replace('id: test-trial', 'id: evs')),
    });
    assert.deepEqual(row(c.overview, 'dose-per-kg').cells.map((x) => x.text), ['2 10*6{cells}/kg', '4 × 10^9 {particles}/kg']);
  });
  it('per kg and absolute doses are different rows', () => {
    const c = compare({ 'a.yaml': trial(), 'b.yaml': trial((b) => b.replace('dose: 1 10*6{cells}/kg', 'dose: 5e7 {cells}').replace('id: test-trial', 'id: b')) });
    assert.deepEqual(row(c.overview, 'dose-per-kg').cells.map((x) => x.state), ['value', 'absent']);
    assert.deepEqual(row(c.overview, 'dose').cells.map((x) => [x.state, x.text]), [['absent', ''], ['value', '5 × 10^7 {cells}']]);
  });
});

describe('the overview', () => {
  it('each cell is read from the file and says where: text, state and line', () => {
    const text = trial((b) => b.replace('  allocation: non-randomized\n', '  allocation: not reported\n'));
    const c = compare({ 't.yaml': text });
    const lines = text.split('\n');
    const cell = (id: string) => row(c.overview, id).cells[0];
    assert.deepEqual([cell('type')?.text, cell('type')?.state, cell('type')?.source?.line], ['single-arm trial', 'value', lines.indexOf('  type: single-arm trial') + 1]);
    assert.deepEqual([cell('allocation')?.text, cell('allocation')?.state], ['not reported', 'not-reported']);
    assert.equal(text.slice(cell('species')?.source?.start, cell('species')?.source?.end), 'Homo sapiens');
    assert.equal(cell('dose-per-kg')?.source?.line, lines.findIndex((l) => l.includes('dose: 1 10*6')) + 1);
    assert.ok(!c.overview.some((r) => r.id === 'phase'), 'a row no trial fills is left out');
  });
  it('names arms when a trial has several, and safety as none observed or not reported, never guessed', () => {
    const two = trial((b) => b.replace('arms:\n', 'arms:\n  - id: placebo\n    role: placebo comparator\n    interventions:\n      - product: cells\n        dose: 0.5 10*6{cells}/kg\n        route: intravenous\n').replace('curation:', 'safety:\n  adverse_events:\n    - category: serious\n      status: none observed\ncuration:'));
    const c = compare({ 'a.yaml': two, 'b.yaml': trial().replace('id: test-trial', 'id: b') });
    assert.equal(row(c.overview, 'dose-per-kg').cells[0]?.text, 'placebo: 0.5 10*6{cells}/kg · treated: 1 10*6{cells}/kg');
    assert.equal(row(c.overview, 'dose-per-kg').cells[0]?.sort, 1, 'sorted by the experimental arm');
    assert.deepEqual(row(c.overview, 'safety').cells.map((x) => [x.text, x.state]), [['serious: none observed', 'value'], ['', 'absent']]);
  });
  it('a broken or unreadable file keeps its column, with its problem count, and hides no other', () => {
    const c = compare({ 'good.yaml': trial(), 'broken.yaml': trial((b) => b.replace('  - id: treated\n', '  - id: treated\n  label: x\n')).replace('id: test-trial', 'id: broken'), 'binary.yaml': '\u0000' });
    assert.deepEqual(c.trials.map((t) => [t.id, t.problems.errors, t.unreadable]), [['test-trial', 0, false], ['broken', 1, false], ['binary.yaml', 1, true]]);
    assert.deepEqual(row(c.overview, 'type').cells.map((x) => x.text), ['single-arm trial', 'single-arm trial', '']);
  });
});

describe('the endpoint matrix', () => {
  const sle = (endpoint: string, extra = '') =>
    trial((b) => b.replace('  species: Homo sapiens\n', '  species: Homo sapiens\n  condition: {name: systemic lupus erythematosus, code: M32}\n').replace('endpoints:\n', `endpoints:\n${endpoint}`) + extra);
  it('groups equivalent instruments in one row, and tells declared-without-result, not reported and expected-but-missing apart', () => {
    const a = sle('  - id: sledai\n    name: SLEDAI-2K\n    instrument: SLEDAI-2K\n    timepoints: [w4]\n', 'results:\n  - endpoint: sledai\n    arm: treated\n    timepoint: w4\n    direction: decrease\n    p: 0.01\n');
    const b = sle('  - id: mex\n    name: MEX-SLEDAI score\n    instrument: MEX-SLEDAI\n    timepoints: [w4]\n').replace('id: test-trial', 'id: b');
    const c3 = sle('  - id: c3\n    name: C3\n    analyte: C3\n    timepoints: [w4]\n    not_reported: {reason: abstract only}\n').replace('id: test-trial', 'id: c');
    const c = compare({ 'a.yaml': a, 'b.yaml': b, 'c.yaml': c3 });
    const activity = row(c.endpoints, 'sle-activity');
    assert.deepEqual(activity.cells.map((x) => x.state), ['value', 'declared-not-reported', 'missing-expected']);
    assert.equal(activity.cells[0]?.text, 'SLEDAI-2K [w4]: treated @w4: decrease, p = 0.01');
    assert.equal(activity.cells[1]?.text, 'MEX-SLEDAI score [w4]: declared, no result');
    assert.deepEqual(row(c.endpoints, 'c3').cells.map((x) => x.state), ['missing-expected', 'missing-expected', 'not-reported']);
    assert.equal(a.split('\n')[(activity.cells[0]?.source?.line ?? 0) - 1], '  - endpoint: sledai', 'a result cell leads to its result');
    assert.deepEqual(c.endpoints.slice(0, 4).map((r) => r.id), ['sle-activity', 'c3', 'c4', 'anti-dsdna'], 'rows in the order of the equivalence table');
  });
  it('an endpoint no group holds has a row of its own, named by it', () => {
    const c = compare({ 'a.yaml': trial((b) => b.replace('endpoints:\n', 'endpoints:\n  - id: grip\n    name: Grip strength\n    timepoints: [w4]\n')) });
    assert.equal(row(c.endpoints, 'other:gripstrength').label, 'Grip strength');
  });
});

describe('exports', () => {
  const results = trial((b) => b.replace('arms:\n', 'arms:\n  - id: placebo\n    role: placebo comparator\n    n: 12\n').replace('    role: experimental\n', '    role: experimental\n    n: 14\n')) + 'results:\n  - endpoint: ae\n    arm: treated\n    timepoint: w4\n    statistic: proportion\n    value: 25 %\n    numerator: 3\n    denominator: 12\n  - endpoint: ae\n    arm: placebo\n    timepoint: w4\n    statistic: proportion\n    value: 8.3 %\n    numerator: 1\n    denominator: 12\n    as_reported: "=cmd, with \\"quotes\\""\n';
  it('the long CSV reads back to the same values, one row per result, with its source line', () => {
    const c = compare({ 'dir/a.study.yaml': results });
    const rows = parseCsv(toCsvLong(c));
    assert.deepEqual(rows[0]?.slice(0, 6), ['study_id', 'arm_id', 'arm_label', 'role', 'n', 'comparator_arm']);
    const get = (r: string[] | undefined, h: string) => r?.[rows[0]?.indexOf(h) ?? -1];
    assert.equal(rows.length, 3);
    assert.deepEqual(['arm_id', 'role', 'n', 'statistic', 'value', 'unit', 'numerator', 'denominator', 'source_file'].map((h) => get(rows[1], h)), ['treated', 'experimental', '14', 'proportion', '25', '%', '3', '12', 'dir/a.study.yaml']);
    assert.equal(Number(get(rows[2], 'source_line')), results.split('\n').lastIndexOf('  - endpoint: ae') + 1);
    assert.deepEqual(c.results.map((r) => r.line), [results.split('\n').indexOf('results:') + 2, results.split('\n').lastIndexOf('  - endpoint: ae') + 1]);
  });
  it('the wide CSV pairs the treatment arm with its comparator', () => {
    const rows = parseCsv(toCsvWide(compare({ 'a.yaml': results })));
    assert.equal(rows.length, 2);
    assert.deepEqual(rows[1], ['test-trial', 'ae', 'Adverse events', 'w4', 'proportion', '%', 'treated', '14', '25', '', '', '3', '12', 'placebo', '12', '8.3', '', '', '1', '12']);
  });
  it('a field a spreadsheet would run as a formula is written as text, and quotes and commas survive', () => {
    const c = compare({ 'a.yaml': results });
    const first = c.results[0];
    assert.ok(first);
    c.results = [{ ...first, study: '=1+1', arm: '-x', endpoint: '-2', endpointName: 'a, "b"', armLabel: '@sum' }];
    const csv = toCsvLong(c);
    assert.match(csv, /\r\n'=1\+1,'-x,'@sum,/);
    const back = parseCsv(csv)[1] ?? [];
    assert.equal(back[6], '-2', 'a negative number stays a number');
    assert.equal(back[7], 'a, "b"');
  });
  it('Markdown escapes pipes and angle brackets, and marks what the outcome set expects', () => {
    const hostile = trial((b) => b.replace('id: test-trial', 'id: x').replace('  species: Homo sapiens\n', '  species: "Homo <b>sapiens</b> | x"\n'));
    const mdText = toMarkdown(compare({ 'a.yaml': hostile }));
    assert.match(mdText, /\| Species \| Homo &lt;b&gt;sapiens&lt;\/b&gt; \\\| x \|/);
  });
});

describe('the examples', () => {
  it('compare with every filled cell traced to its file, and the simple ones reading what the file says there', () => {
    const files = studyFiles(EXAMPLES);
    const texts = new Map(files.map((f) => [path.basename(f), read(f)]));
    const c = buildComparison(files.map((f) => ({ file: path.basename(f), result: new ValidationSession().run(read(f)) })));
    assert.equal(c.trials.length, 5);
    for (const r of [...c.overview, ...c.endpoints]) {
      r.cells.forEach((cell, i) => {
        if (cell.state === 'absent') return assert.equal(cell.text, '');
        if (cell.state === 'missing-expected') return;
        const file = c.trials[i]?.file ?? '';
        assert.ok(cell.source, `${r.id} in ${file} has no source`);
        assert.equal(cell.source.file, file);
        const text = texts.get(file) ?? '';
        assert.ok(cell.source.end <= text.length);
        if (['type', 'status', 'phase', 'allocation', 'species', 'planned', 'randomized'].includes(r.id)) assert.equal(text.slice(cell.source.start, cell.source.end), cell.text, `${r.id} in ${file}`);
      });
    }
  });
});

describe('the chart series', () => {
  it('timelines in days from each trial\'s timepoints, in order; effects with value, interval and p, grouped by what they measure', () => {
    const text = trial((b) => b.replace('timepoints:\n  - id: w4\n    at: 4 wk\n', 'timepoints:\n  - id: w4\n    at: 4 wk\n  - id: d3\n    at: 3 d\n  - id: base\n    label: baseline\n').replace('endpoints:\n', 'endpoints:\n  - id: il6\n    name: Serum IL-6\n    analyte: IL-6\n    unit: pg/mL\n    timepoints: [w4]\n')) + 'results:\n  - endpoint: il6\n    arm: treated\n    timepoint: w4\n    statistic: mean\n    value: 12.5 pg/mL\n    dispersion: {type: 95% CI, low: 10, high: 15}\n    p: 0.03\n';
    const c = compare({ 't.yaml': text });
    assert.deepEqual(c.timelines[0]?.points.map((p) => [p.id, p.days]), [['d3', 3], ['w4', 28]], 'a timepoint without a time is left out');
    assert.equal(text.slice(c.timelines[0]?.points[1]?.source?.start, c.timelines[0]?.points[1]?.source?.end), '4 wk');
    assert.deepEqual(c.effects.map((e) => [e.group, e.statistic, e.unit, e.value, e.low, e.high, e.p, e.label]), [['il-6', 'mean', 'pg/mL', 12.5, 10, 15, '0.03', 'treated @w4']]);
    assert.deepEqual(compare({ 'plain.yaml': trial() }).effects, [], 'no result with a number, no effect');
  });
});
