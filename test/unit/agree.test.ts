// Dual extraction: the field-level diff of two extractions (items matched by id and by content,
// quantities by value, text normalised), Cohen's kappa against worked examples, the agreement
// figures, the pairs and the workspace check, and the consensus file (byte-stable, validating clean).
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { duplicateStudyIds, ValidationSession, validate, type StudyIdLocation } from '../../src/core';
import { agreementOf } from '../../src/core/agree/agreement';
import { readDecisions, writeConsensus, type Decision } from '../../src/core/agree/consensus';
import { cohensKappa } from '../../src/core/agree/kappa';
import { comparePair, diffExtractions, extractionInfo, findPairs } from '../../src/core/agree/pairs';
import { buildComparison } from '../../src/core/compare/build';
import { EXAMPLES, read, trial } from '../helpers/studies';

const input = (file: string, text: string) => ({ file, result: new ValidationSession().run(text) });
const A_FILE = 'extractions/curator-a/nurudhin-2025-sle-secretome.study.yaml';
const B_FILE = 'extractions/curator-b/nurudhin-2025-sle-secretome.study.yaml';
const aText = read(path.join(EXAMPLES, A_FILE));
const bText = read(path.join(EXAMPLES, B_FILE));
const a = input(A_FILE, aText);
const b = input(B_FILE, bText);
const ids = (texts: [string, string]) => diffExtractions(input('l', texts[0]), input('r', texts[1])).differences.map((d) => d.id);
/** Two single-arm trials by two curators; `edit` changes the right one. */
const pairOf = (edit: (t: string) => string, left = (t: string) => t): [string, string] => [left(trial()), edit(trial((t) => t.replace('curator: Test', 'curator: Other')))];

describe('the field-level diff of two extractions', () => {
  // Computed inside each test, not when the suite is defined: a mutation run counts what a test runs.
  const diff = () => diffExtractions(a, b);
  const byId = () => new Map(diff().differences.map((d) => [d.id, d]));

  it('finds exactly the fields the second curator read differently', () => {
    assert.deepEqual([...byId().keys()], ['design.masking.masked', 'population.severity', 'results.1.timepoint', 'results.5.direction']);
  });
  it('an arm with the same role and dose is the same arm under another id, and results naming it agree', () => {
    assert.deepEqual(diff().renames.arms, { ucmsc: 'secretome' });
    assert.ok(![...byId().keys()].some((k) => k.startsWith('arms.')), 'no difference in the arms');
  });
  it('quantities agree after conversion: 1.5 mL as a short form and {value: 1.5, unit: mL}; 6 wk and 42 d', () => {
    assert.equal(ids(pairOf((t) => t.replace('dose: 1 10*6{cells}/kg', 'dose: 1000000 {cells}/kg').replace('at: 4 wk', 'at: 28 d'))).length, 0);
    assert.equal(ids(pairOf((t) => t.replace('at: 4 wk', 'at: {value: 1, unit: mo}'))).join(), 'timepoints.w4.at', 'a month is not four weeks');
    assert.equal(ids(pairOf((t) => t.replace('at: 4 wk', 'at: 4 {weeks}'))).join(), 'timepoints.w4.at', 'an annotation is no unit of time');
  });
  it('1.5 cc is 1.5 mL (a synonym is read as its UCUM unit)', () => {
    const cc = pairOf((t) => t.replace('dose: 1 10*6{cells}/kg', 'dose: 1.5 cc'), (t) => t.replace('dose: 1 10*6{cells}/kg', 'dose: 1.5 mL'));
    assert.deepEqual(ids(cc), []);
  });
  it('ranges agree only bound for bound', () => {
    const r = (x: string, y: string) => ids(pairOf((t) => t.replace('dose: 1 10*6{cells}/kg', `dose: ${y}`), (t) => t.replace('dose: 1 10*6{cells}/kg', `dose: ${x}`)));
    assert.deepEqual(r('1-2 mL', '1000-2000 uL'), []);
    assert.deepEqual(r('1-2 mL', '1-3 mL'), ['arms.treated.interventions.0.dose']);
    assert.deepEqual(r('1-2 mL', '1 mL'), ['arms.treated.interventions.0.dose']);
  });
  it('text agrees after whitespace and case are normalised, and not otherwise', () => {
    assert.deepEqual(ids(pairOf((t) => t.replace('title: Test trial', 'title: "  test   TRIAL "'))), []);
    assert.deepEqual(ids(pairOf((t) => t.replace('title: Test trial', 'title: Test trials'))), ['study.title']);
  });
  it('list order is no difference: items by id, lists of words as sets', () => {
    const two = (t: string) => t.replace('  - id: ae\n', '  - id: eff\n    name: Efficacy\n    timepoints: [w4, w8]\n  - id: ae\n').replace('  - id: w4\n    at: 4 wk\n', '  - id: w4\n    at: 4 wk\n  - id: w8\n    at: 8 wk\n');
    const swapped = (t: string) => two(t).replace('  - id: eff\n    name: Efficacy\n    timepoints: [w4, w8]\n', '').replace('    timepoints: [w4]\n', '    timepoints: [w4]\n  - id: eff\n    name: Efficacy\n    timepoints: [w8, w4]\n');
    assert.deepEqual(ids(pairOf(swapped, two)), []);
  });
  it('an item one side lacks is one difference, with where the other side would put it', () => {
    const extra = pairOf((t) => t.replace('curation:', 'conclusions:\n  authors: Safe.\ncuration:').replace('  - id: ae\n', '  - id: eff\n    name: Efficacy\n    timepoints: [w4]\n  - id: ae\n'));
    const d = diffExtractions(input('l', extra[0]), input('r', extra[1]));
    assert.deepEqual(d.differences.map((x) => [x.id, x.left?.text, x.right?.text, x.target]), [
      ['endpoints.eff', undefined, '{ id: eff, name: Efficacy, timepoints: [ w4 ] }', { path: ['endpoints'], append: true }],
      ['conclusions', undefined, '{ authors: Safe. }', { path: ['conclusions'], append: false }],
    ]);
    const fewer = diffExtractions(input('l', extra[1]), input('r', extra[0]));
    assert.deepEqual(fewer.differences.map((x) => [x.id, x.right, x.target]), [['endpoints.eff', undefined, undefined], ['conclusions', undefined, undefined]]);
  });
  it('ids that differ with nothing in common are two items, not one', () => {
    const other = pairOf((t) => t.replace('  - id: treated\n    role: experimental', '  - id: control\n    role: no intervention').replace('arms:\n', 'arms:\n'));
    assert.deepEqual(ids(other), ['arms.treated', 'arms.control']);
  });
  it('each side carries its value, its source line and column, and its quote (evidence, else as_reported)', () => {
    const d = byId().get('results.5.direction');
    assert.equal(d?.left?.text, 'decrease');
    assert.equal(d?.right?.text, 'no change');
    assert.equal(d?.left?.source?.line, aText.slice(0, aText.indexOf('direction: decrease\n    significant: false')).split('\n').length);
    assert.equal(d?.right?.source?.line, bText.slice(0, bText.indexOf('direction: no change')).split('\n').length);
    assert.equal(d?.right?.source?.column, 16);
    assert.equal(d?.left?.quote, 'Anti-dsDNA levels exhibited a decreasing trend in the secretome group, though not statistically significant');
    assert.equal(d?.categorical, true);
    assert.equal(d?.section, 'results');
    assert.equal(d?.label, 'results › anti-dsdna · secretome › direction', 'a result is named by what it is about');
    assert.equal(byId().get('results.1.timepoint')?.label, 'results › c3 · secretome · d43 › timepoint');
    assert.equal(byId().get('design.masking.masked')?.label, 'design › masking › masked');
    const severity = byId().get('population.severity');
    assert.equal(severity?.categorical, false);
    assert.equal(severity?.left?.quote, undefined, 'no quote where the file has none');
  });
  it('an evidence quote on a field is found for a path inside it, in preference to as_reported', () => {
    const evidence = pairOf((t) => t.replace('route: intravenous', 'route: intramuscular'), (t) => t.replace('curation:', 'evidence:\n  - field: arms.treated.interventions.0\n    quote: one infusion\ncuration:'));
    const d = diffExtractions(input('l', evidence[0]), input('r', evidence[1])).differences;
    assert.deepEqual(d.map((x) => [x.id, x.left?.quote, x.right?.quote]), [['arms.treated.interventions.0.route', 'one infusion', undefined], ['evidence', undefined, undefined]].slice(0, 1));
  });
});

describe('diff edges: what a mutation run of the diff left unguarded', () => {
  const both = (edit: (t: string) => string, left = (t: string) => t) => diffExtractions(input('l', left(trial())), input('r', edit(trial((t) => t.replace('curator: Test', 'curator: Other')))));
  const two = (t: string) =>
    t.replace('  - id: cells\n    kind: cells\n', '  - id: cells\n    kind: cells\n    source:\n      tissue: umbilical cord\n').replace('  - id: w4\n    at: 4 wk\n', '  - id: w4\n    at: 4 wk\n  - id: end\n    label: end of study\n');

  it('long-form quantities in two units agree, and as_reported is a quote, never a difference', () => {
    const d = both((t) => t.replace('dose: 1 10*6{cells}/kg', 'dose: {value: 1500, unit: uL, as_reported: 1500 microlitres}'), (t) => t.replace('dose: 1 10*6{cells}/kg', 'dose: {value: 1.5, unit: mL, as_reported: 1.5 cc}'));
    assert.deepEqual(d.differences, []);
    const other = both((t) => t.replace('dose: 1 10*6{cells}/kg', 'dose: {value: 2, unit: mL}'), (t) => t.replace('dose: 1 10*6{cells}/kg', 'dose: {value: 1.5, unit: mL}'));
    assert.deepEqual(other.differences.map((x) => [x.id, x.left?.text, x.right?.text]), [['arms.treated.interventions.0.dose', '{ value: 1.5, unit: mL }', '{ value: 2, unit: mL }']]);
    assert.deepEqual(both((t) => t.replace('    route: intravenous\n', '    route: intravenous\n    as_reported: one infusion\n')).differences, []);
  });
  it('a mapping on one side and a word on the other is one difference, not a walk into either', () => {
    const d = both((t) => t.replace('route: intravenous', 'route: intravenous\n        frequency: {times: 1, per: 1 wk}'), (t) => t.replace('route: intravenous', 'route: intravenous\n        frequency: weekly'));
    assert.deepEqual(d.differences.map((x) => [x.id, x.left?.text, x.right?.text]), [['arms.treated.interventions.0.frequency', 'weekly', '{ times: 1, per: 1 wk }']]);
  });
  it('products and timepoints renamed by the other curator: references to them agree in the left names', () => {
    const renamedRight = (t: string) =>
      two(t)
        .replace('  - id: cells\n', '  - id: ucmsc\n')
        .replace('      - product: cells\n', '      - product: ucmsc\n')
        .replace('  - id: w4\n', '  - id: week-4\n')
        .replace('  - id: end\n', '  - id: close\n')
        .replace('    timepoints: [w4]\n', '    timepoints: [close, week-4]\n')
        .replace('curation:', 'results:\n  - endpoint: ae\n    arm: treated\n    comparator: treated\n    timepoint: week-4\n    direction: decrease\ncuration:');
    const left = (t: string) => two(t).replace('    timepoints: [w4]\n', '    timepoints: [w4, end]\n').replace('curation:', 'results:\n  - endpoint: ae\n    arm: treated\n    comparator: treated\n    timepoint: w4\n    direction: decrease\ncuration:');
    const d = both(renamedRight, left);
    assert.deepEqual(d.renames, { products: { ucmsc: 'cells' }, timepoints: { 'week-4': 'w4', close: 'end' }, arms: {}, endpoints: {} });
    assert.deepEqual(d.differences, []);
    const fields = d.fields.map((f) => f.id);
    assert.ok(fields.includes('results.0.timepoint') && fields.includes('results.0.comparator') && fields.includes('endpoints.ae.timepoints'), fields.join());
  });
  it('items without ids are matched by what they are: adverse events by category, conditions by name, interventions by likeness', () => {
    const events = (order: string[]) => (t: string) => t.replace('curation:', `safety:\n  adverse_events:\n${order.map((c) => `    - category: ${c}\n      status: none observed\n`).join('')}curation:`);
    assert.deepEqual(both(events(['serious', 'any']), events(['any', 'serious'])).differences, []);
    const d = both((t) => events(['any', 'serious'])(t).replace('serious\n      status: none observed', 'serious\n      status: observed'), events(['serious', 'any']));
    assert.deepEqual(d.differences.map((x) => [x.id, x.label, x.left?.text, x.right?.text]), [['safety.adverse_events.0.status', 'safety › adverse_events › item 1 › status', 'none observed', 'observed']]);
    const conditions = (names: string[]) => (t: string) => t.replace('  species: Homo sapiens\n', `  species: Homo sapiens\n  conditions:\n${names.map((n) => `    - name: ${n}\n`).join('')}`);
    assert.deepEqual(both(conditions(['sepsis', 'ARDS']), conditions(['ARDS', 'sepsis'])).differences, []);
    const interventions = (t: string) => t.replace('        route: intravenous\n', '        route: intravenous\n        frequency: once\n        doses: 1\n      - product: cells\n        dose: 2 10*6{cells}/kg\n        route: intramuscular\n');
    const swapped = (t: string) => t.replace('      - product: cells\n        dose: 1 10*6{cells}/kg\n        route: intravenous\n', '      - product: cells\n        dose: 2 10*6{cells}/kg\n        route: intramuscular\n      - product: cells\n        dose: 1 10*6{cells}/kg\n        route: intravenous\n        frequency: once\n        doses: 2\n');
    const moved = both(swapped, interventions);
    assert.deepEqual(moved.differences.map((x) => [x.id, x.left?.text, x.right?.text]), [['arms.treated.interventions.0.doses', '1', '2']], 'matched across the reordering, one field differs');
  });
  it('a right list with one id twice: the first is the match, the second one of its own', () => {
    const d = both((t) => t.replace('  - id: w4\n    at: 4 wk\n', '  - id: w4\n    at: 4 wk\n  - id: w4\n    at: 8 wk\n'));
    assert.deepEqual(d.differences.map((x) => [x.id, x.right?.text]), [['timepoints.w4', '{ id: w4, at: 8 wk }']]);
  });
  it('differences follow the left file order (an item only the left has in its place), the right-only items after', () => {
    const left = (t: string) => t.replace('arms:\n', 'arms:\n  - id: ctrl\n    role: placebo comparator\n').replace('    role: experimental\n', '    role: experimental\n    label: Cells A\n');
    const right = (t: string) => t.replace('    role: experimental\n', '    role: experimental\n    label: Cells B\n').replace('curation:', 'conclusions:\n  authors: x\ncuration:').replace('  - id: w4\n', '  - id: w9\n    at: 9 wk\n  - id: w4\n');
    const d = both(right, left);
    assert.deepEqual(d.differences.map((x) => x.id), ['arms.ctrl', 'arms.treated.label', 'timepoints.w9', 'conclusions']);
  });
  it('a categorical field one side lacks counts as the category (none); a side carries only what it has', () => {
    const d = both((t) => t.replace('        route: intravenous\n', ''));
    const route = d.fields.find((f) => f.id === 'arms.treated.interventions.0.route');
    assert.deepEqual(route, { id: 'arms.treated.interventions.0.route', section: 'arms', agree: false, categories: ['intravenous', '(none)'] });
    const diffOf = d.differences[0];
    assert.deepEqual(Object.keys(diffOf ?? {}).sort(), ['categorical', 'id', 'label', 'left', 'section']);
    assert.deepEqual(Object.keys(diffOf?.left ?? {}).sort(), ['path', 'source', 'text']);
    assert.equal(diffOf?.label, 'arms › treated › interventions › item 1 › route');
  });
  it('evidence without a quote or a field that resolves is no quote; the deepest evidence above a field wins', () => {
    const evidence = (t: string) => t.replace('curation:', 'evidence:\n  - field: arms.treated\n    quote: the arm\n  - field: arms.treated.interventions.0\n    quote: the intervention\n  - field: arms.treated.interventions.0.route\n  - field: arms.nowhere.route\n    quote: lost\ncuration:');
    const d = both((t) => t.replace('route: intravenous', 'route: intramuscular'), evidence);
    assert.equal(d.differences[0]?.left?.quote, 'the intervention');
    const top = both((t) => t.replace('route: intravenous', 'route: intramuscular'), (t) => t.replace('curation:', 'evidence:\n  - field: arms.treated.interventions.0.route\n    quote: ""\n  - quote: no field\ncuration:'));
    assert.equal(top.differences[0]?.left?.quote, undefined);
  });
  it('words compare as the same words: spaces, case and Unicode composition aside; numbers by value; true is not false', () => {
    assert.deepEqual(both((t) => t.replace('title: Test trial', 'title: "Cafe\u0301 trial"'), (t) => t.replace('title: Test trial', 'title: "CAF\u00c9   trial"')).differences, []);
    assert.deepEqual(both((t) => t.replace('curation:', 'results:\n  - endpoint: ae\n    arm: treated\n    significant: true\ncuration:'), (t) => t.replace('curation:', 'results:\n  - endpoint: ae\n    arm: treated\n    significant: false\ncuration:')).differences.map((x) => x.id), ['results.0.significant']);
    assert.deepEqual(both((t) => t.replace('  species: Homo sapiens\n', '  species: Homo sapiens\n  counts:\n    randomized: 30.0\n'), (t) => t.replace('  species: Homo sapiens\n', '  species: Homo sapiens\n  counts:\n    randomized: 30\n')).differences, []);
  });
});

describe("Cohen's kappa", () => {
  const table = (yy: number, yn: number, ny: number, nn: number) => [
    ...Array.from({ length: yy }, () => ['yes', 'yes'] as const),
    ...Array.from({ length: yn }, () => ['yes', 'no'] as const),
    ...Array.from({ length: ny }, () => ['no', 'yes'] as const),
    ...Array.from({ length: nn }, () => ['no', 'no'] as const),
  ];
  // The worked examples of the Wikipedia article "Cohen's kappa" (50 and 100 grant proposals).
  it('50 proposals, 20 yes-yes, 5 yes-no, 10 no-yes, 15 no-no: po 0.7, pe 0.5, kappa 0.4', () => {
    const k = cohensKappa(table(20, 5, 10, 15));
    assert.equal(k.n, 50);
    assert.equal(k.observed, 0.7);
    assert.equal(k.expected, 0.5);
    assert.ok(Math.abs((k.kappa ?? NaN) - 0.4) < 1e-12);
  });
  it('the same 60% agreement gives kappa 0.1304 with balanced margins and 0.2593 with unbalanced ones', () => {
    assert.equal(cohensKappa(table(45, 15, 25, 15)).kappa?.toFixed(4), '0.1304');
    assert.equal(cohensKappa(table(25, 35, 5, 35)).kappa?.toFixed(4), '0.2593');
  });
  it('three categories, worked by hand: po = 0.89, pe = 0.8·0.8 + 0.1·0.05 + 0.1·0.15 = 0.66, kappa = 0.23/0.34', () => {
    const cells: [string, string, number][] = [['p', 'p', 75], ['p', 'n', 1], ['p', 'o', 4], ['n', 'p', 5], ['n', 'n', 4], ['n', 'o', 1], ['o', 'o', 10]];
    const k = cohensKappa(cells.flatMap(([a, b, n]) => Array.from({ length: n }, () => [a, b] as const)));
    assert.equal(k.n, 100);
    assert.ok(Math.abs((k.observed ?? 0) - 0.89) < 1e-12 && Math.abs((k.expected ?? 0) - 0.66) < 1e-12);
    assert.equal(k.kappa?.toFixed(4), (0.23 / 0.34).toFixed(4));
  });
  it('perfect agreement is 1, systematic disagreement below 0, and undefined cases are null', () => {
    assert.equal(cohensKappa(table(3, 0, 0, 2)).kappa, 1);
    assert.equal(cohensKappa(table(0, 3, 2, 0)).kappa?.toFixed(4), '-0.9231');
    assert.deepEqual(cohensKappa([]), { kappa: null, observed: null, expected: null, n: 0 });
    assert.equal(cohensKappa(table(4, 0, 0, 0)).kappa, null, 'one category on both sides: chance agreement is 1');
  });
});

describe('agreement figures', () => {
  const pair = () => comparePair(a, b);
  it('per section and overall, with the number of fields each rests on', () => {
    const design = pair().agreement.sections.find((s) => s.section === 'design');
    assert.deepEqual(design, { section: 'design', fields: 4, agreed: 3, share: 0.75 });
    const fields = pair().agreement.sections.reduce((n, s) => n + s.fields, 0);
    assert.equal(pair().agreement.overall.fields, fields);
    assert.equal(pair().agreement.overall.agreed, fields - 4);
    assert.ok(!pair().agreement.sections.some((s) => s.section === 'curation' || s.section === 'evidence'), 'curation and evidence are about the file');
  });
  it('kappa over the categorical fields only (type, allocation, masking, route, direction, significance)', () => {
    const k = pair().agreement.kappa;
    assert.equal(k.n, 14);
    assert.equal(k.observed, 13 / 14);
    assert.ok((k.kappa ?? 0) > 0.9 && (k.kappa ?? 1) < 1);
  });
  it('no fields: shares and kappa are null, not zero', () => {
    assert.deepEqual(agreementOf([]), { overall: { section: 'overall', fields: 0, agreed: 0, share: null }, sections: [], kappa: { kappa: null, observed: null, expected: null, n: 0 } });
  });
  it('the pair names both extractions and counts their errors', () => {
    assert.deepEqual([pair().id, pair().left, pair().right, pair().problems], ['nurudhin-2025-sle-secretome', { file: A_FILE, curator: 'A. Rahman', date: '2026-11-24' }, { file: B_FILE, curator: 'B. Santoso', date: '2026-11-25' }, { left: 0, right: 0 }]);
  });
});

describe('finding the pairs', () => {
  const consensus = input('nurudhin.study.yaml', read(path.join(EXAMPLES, 'nurudhin-2025-sle-secretome.study.yaml')));
  const same = input('copy.study.yaml', aText);
  it('files of one study id by distinct curators; a consensus or a same-curator copy is no pair of them', () => {
    const pairs = findPairs([b, consensus, a, same]);
    assert.deepEqual(pairs.map(([l, r]) => [l.file, r.file]), [['copy.study.yaml', B_FILE], [A_FILE, B_FILE]], 'in file order');
    assert.deepEqual(findPairs([a, input('other.study.yaml', trial())]), []);
  });
  it('three curators give three pairs', () => {
    const c = input('c.study.yaml', aText.replace('curator: A. Rahman', 'curator: C. Dewi'));
    assert.equal(findPairs([a, b, c]).length, 3);
  });
  it('pairs in file order however the files come, the earlier file on the left', () => {
    const named = ['d', 'c', 'b', 'a'].map((n, i) => input(`${n}.study.yaml`, aText.replace('curator: A. Rahman', `curator: Curator ${i}`)));
    const order = [['a', 'b'], ['a', 'c'], ['a', 'd'], ['b', 'c'], ['b', 'd'], ['c', 'd']].map((p) => p.map((n) => `${n}.study.yaml`));
    assert.deepEqual(findPairs(named).map(([l, r]) => [l.file, r.file]), order);
    assert.deepEqual(findPairs([named[1], named[3], named[0], named[2]] as typeof named).map(([l, r]) => [l.file, r.file]), order);
  });
  it('a compared study settled in a consensus is one column, its consensus', () => {
    const comparison = buildComparison([a, b, consensus]);
    assert.deepEqual(comparison.trials.map((t) => t.file), ['nurudhin.study.yaml']);
    assert.equal(buildComparison([a, b]).trials.length, 2, 'not yet settled: both extractions show');
  });
});

describe('the workspace check: an extraction pair is not a duplicate', () => {
  const at = (id: string, extra: Partial<StudyIdLocation> = {}): StudyIdLocation => ({ id, start: 0, end: 2, line: 1, column: 1, endLine: 1, endColumn: 3, ...extra });
  const check = (files: Record<string, StudyIdLocation>) => new Map([...duplicateStudyIds(new Map(Object.entries(files)))].map(([k, v]) => [k, v.map((p) => `${p.severity} ${p.code}`)]));
  it('distinct curators: an info on each, naming the other', () => {
    const found = duplicateStudyIds(new Map([['a', at('s', { curator: 'A' })], ['b', at('s', { curator: 'B' })]]));
    assert.equal(found.get('a')?.[0]?.message, 'b is another extraction of `s` by a different curator: a pair to reconcile ("Study Annotator: Reconcile Extractions"), not a duplicate.');
    assert.deepEqual(found.get('b')?.[0]?.data, { id: 's', others: ['a'] });
    assert.equal(found.get('b')?.[0]?.severity, 'info');
  });
  it('once a consensus settles them, nothing', () => {
    assert.deepEqual(check({ a: at('s', { curator: 'A' }), b: at('s', { curator: 'B' }), c: at('s', { curator: 'A and B', consensus: true }) }), new Map());
  });
  it('the same curator (case and spaces aside), no curator, or two consensus files: a duplicate', () => {
    assert.deepEqual(check({ a: at('s', { curator: 'A' }), b: at('s', { curator: ' a ' }) }), new Map([['a', ['error study-id-duplicate']], ['b', ['error study-id-duplicate']]]));
    assert.deepEqual(check({ a: at('s'), b: at('s') }), new Map([['a', ['error study-id-duplicate']], ['b', ['error study-id-duplicate']]]));
    assert.deepEqual(check({ a: at('s', { consensus: true }), b: at('s', { consensus: true }), c: at('s', { curator: 'C' }) }), new Map([['a', ['error study-id-duplicate']], ['b', ['error study-id-duplicate']]]));
  });
  it('two files of one curator beside a third curator: the two collide, the third is told of neither', () => {
    assert.deepEqual(check({ a: at('s', { curator: 'A' }), b: at('s', { curator: 'A' }), c: at('s', { curator: 'C' }) }), new Map([['a', ['error study-id-duplicate']], ['b', ['error study-id-duplicate']]]));
  });
  it('the validator reads the curator and whether the file is a consensus', () => {
    assert.deepEqual([a.result.studyId?.curator, a.result.studyId?.consensus], ['A. Rahman', undefined]);
    const c = new ValidationSession().run(read(path.join(EXAMPLES, 'nurudhin-2025-sle-secretome.study.yaml'))).studyId;
    assert.equal(c?.consensus, true);
  });
});

describe('the consensus file', () => {
  const diff = () => diffExtractions(a, b);
  const write = (decisions: Record<string, Decision>, date = '2026-11-30') =>
    writeConsensus({ leftText: aText, rightText: bText, left: extractionInfo(a), right: extractionInfo(b), differences: diff().differences, renames: diff().renames, decisions, curator: 'A and B', date });
  const sections = (t: string) => t.split(/\n(?=[a-z_]+:)/);

  it('with nothing chosen: the left text byte for byte outside curation, validating clean, the same bytes every time', () => {
    const once = write({});
    assert.equal(once.text, write({}).text);
    assert.deepEqual(sections(once.text).slice(0, -1), sections(aText).slice(0, -1));
    assert.deepEqual(validate(once.text), []);
    assert.match(once.text, /\n {2}extractions:\n {4}- file: extractions\/curator-a\/nurudhin-2025-sle-secretome\.study\.yaml\n {6}curator: A\. Rahman\n {6}date: 2026-11-24\n/);
    assert.doesNotMatch(once.text, /reconciliation:/);
    assert.match(once.text, /\n {2}curator: A and B\n {2}date: 2026-11-30\n {2}status: in review\n/);
  });
  it('the example consensus is what its recorded decisions write', () => {
    const file = read(path.join(EXAMPLES, 'nurudhin-2025-sle-secretome.study.yaml'));
    const decisions = readDecisions(file, diff().differences);
    assert.equal(Object.keys(decisions).length, 4);
    const again = writeConsensus({ leftText: aText, rightText: bText, left: { ...extractionInfo(a) }, right: extractionInfo(b), differences: diff().differences, renames: diff().renames, decisions, curator: 'Study Annotator team', date: '2026-11-22' });
    assert.equal(again.text.split('\n').slice(1).join('\n'), file.split('\n').filter((l, i) => i === 0 || !l.startsWith('# ')).slice(1).join('\n'));
  });
  it('taking the right: a value, an item (its references renamed), a field only the left has (removed)', () => {
    const out = write({ 'results.5.direction': { taken: 'right' }, 'results.1.timepoint': { taken: 'right' }, 'design.masking.masked': { taken: 'right' }, 'population.severity': { taken: 'left' } });
    assert.deepEqual(out.refused, []);
    assert.match(out.text, /- endpoint: anti-dsdna\n {4}arm: secretome\n {4}direction: no change\n/);
    assert.match(out.text, /- endpoint: c3\n {4}arm: secretome\n {4}direction: increase\n/, 'the C3 timepoint removed');
    assert.match(out.text, /masked: \[participant, investigator\]/);
    assert.match(out.text, /severity: moderate\n/);
    assert.deepEqual(validate(out.text), []);
    assert.match(out.text, /- field: design\.masking\.masked\n {6}taken: right\n {6}curator: B\. Santoso\n/);
    assert.match(out.text, /- field: population\.severity\n {6}taken: left\n {6}curator: A\. Rahman\n/);
    assert.equal(sections(out.text)[0], sections(aText)[0], 'untouched sections stay as written');
    // Reopened, the consensus gives back the same decisions.
    assert.deepEqual(readDecisions(out.text, diff().differences), { 'design.masking.masked': { taken: 'right' }, 'population.severity': { taken: 'left' }, 'results.1.timepoint': { taken: 'right' }, 'results.5.direction': { taken: 'right' } });
  });
  it('an item only the right has is appended, in the left names', () => {
    const more = bText.replace('results:\n', 'results:\n  - endpoint: c4\n    arm: ucmsc\n    timepoint: d22\n    direction: decrease\n');
    const d = diffExtractions(a, input(B_FILE, more));
    const added = d.differences.find((x) => x.id === 'results.right-0');
    assert.ok(added, d.differences.map((x) => x.id).join());
    const out = writeConsensus({ leftText: aText, rightText: more, left: extractionInfo(a), right: extractionInfo(b), differences: d.differences, renames: d.renames, decisions: { [added.id]: { taken: 'right' } }, curator: 'x', date: '2026-11-30' });
    assert.match(out.text, /\n {2}- endpoint: c4\n {4}arm: secretome\n {4}timepoint: d22\n {4}direction: decrease\n\nsafety:/);
    assert.deepEqual(validate(out.text), []);
  });
  it('an edited value is written and read back; one that is not YAML is refused and not recorded', () => {
    const out = write({ 'population.severity': { taken: 'edited', value: 'moderate (SLEDAI 6-12)' }, 'results.5.direction': { taken: 'edited', value: '[unclosed' } });
    assert.deepEqual(out.refused.map((r) => r.id), ['results.5.direction']);
    assert.match(out.text, /severity: moderate \(SLEDAI 6-12\)\n/);
    assert.doesNotMatch(out.text, /field: results\.5\.direction/);
    assert.match(out.text, /- field: population\.severity\n {6}taken: edited\n/);
    assert.deepEqual(readDecisions(out.text, diff().differences), { 'population.severity': { taken: 'edited', value: 'moderate (SLEDAI 6-12)' } });
  });
  it('a right value no longer where the diff found it is refused, not written as nothing', () => {
    const out = writeConsensus({ leftText: aText, rightText: bText.replace('    direction: no change\n', ''), left: extractionInfo(a), right: extractionInfo(b), differences: diff().differences, renames: diff().renames, decisions: { 'results.5.direction': { taken: 'right' } }, curator: 'x', date: '2026-11-30' });
    assert.deepEqual(out.refused, [{ id: 'results.5.direction', reason: 'the value is no longer there in the right file' }]);
    assert.match(out.text, /arm: secretome\n {4}direction: decrease\n {4}significant: false/);
    assert.doesNotMatch(out.text, /reconciliation:/);
  });
  it('items only the left has, taken from the right, are removed from the last one up; a section only the right has is added at the end', () => {
    const left = trial((t) => t.replace('curation:', 'results:\n  - endpoint: ae\n    arm: treated\n    timepoint: w4\n    statistic: count\n    value: 1 {events}\n  - endpoint: ae\n    arm: treated\n    timepoint: w4\n    statistic: proportion\n    value: 10 %\n  - endpoint: ae\n    arm: treated\n    timepoint: w4\n    statistic: mean\n    value: 2 {events}\ncuration:'));
    const right = trial((t) => t.replace('curator: Test', 'curator: Other').replace('curation:', 'results:\n  - endpoint: ae\n    arm: treated\n    timepoint: w4\n    statistic: proportion\n    value: 10 %\nconclusions:\n  authors: Safe.\ncuration:'));
    const l = input('l', left);
    const r = input('r', right);
    const d = diffExtractions(l, r);
    assert.deepEqual(d.differences.map((x) => x.id), ['results.0', 'results.2', 'conclusions']);
    const decisions = Object.fromEntries(d.differences.map((x) => [x.id, { taken: 'right' } as Decision]));
    const out = writeConsensus({ leftText: left, rightText: right, left: extractionInfo(l), right: extractionInfo(r), differences: d.differences, renames: d.renames, decisions, curator: 'x', date: '2026-11-30' });
    assert.match(out.text, /\nresults:\n {2}- endpoint: ae\n {4}arm: treated\n {4}timepoint: w4\n {4}statistic: proportion\n {4}value: 10 %\n(?! {2}- )/);
    assert.match(out.text, /\nconclusions:\n {2}authors: Safe\.\n$/);
    assert.deepEqual(validate(out.text), []);
  });
  it('an item taken from the right has its references in the left names, lists of references too', () => {
    const left = trial((t) => t.replace('  - id: w4\n    at: 4 wk\n', '  - id: w4\n    at: 4 wk\n  - id: w8\n    at: 8 wk\n'));
    const right = trial((t) => t.replace('curator: Test', 'curator: Other').replace('  - id: w4\n    at: 4 wk\n', '  - id: week-4\n    at: 4 wk\n  - id: week-8\n    at: 8 wk\n').replace('    timepoints: [w4]\n', '    timepoints: [week-4]\n  - id: crp\n    name: CRP\n    analyte: CRP\n    timepoints: [week-4, week-8]\n'));
    const l = input('l', left);
    const r = input('r', right);
    const d = diffExtractions(l, r);
    assert.deepEqual(d.differences.map((x) => x.id), ['endpoints.crp']);
    const out = writeConsensus({ leftText: left, rightText: right, left: extractionInfo(l), right: extractionInfo(r), differences: d.differences, renames: d.renames, decisions: { 'endpoints.crp': { taken: 'right' } }, curator: 'x', date: '2026-11-30' });
    assert.match(out.text, /- id: crp\n {4}name: CRP\n {4}analyte: CRP\n {4}timepoints: \[w4, w8\]\n/);
    assert.deepEqual(validate(out.text).filter((p) => p.severity === 'error'), []);
  });
  it('a value taken from the right keeps its evidence quote; one taken from the left, or said in as_reported, adds none', () => {
    const rightText = bText.replace('evidence:\n', 'evidence:\n  - field: population.severity\n    quote: patients with moderate to severe SLE\n    location: Methods\n');
    const r = input(B_FILE, rightText);
    const d = diffExtractions(a, r);
    const severity = d.differences.find((x) => x.id === 'population.severity');
    assert.deepEqual([severity?.right?.quote, severity?.right?.location, severity?.right?.evidence, severity?.left?.evidence], ['patients with moderate to severe SLE', 'Methods', true, undefined]);
    assert.equal(d.differences.find((x) => x.id === 'results.5.direction')?.right?.evidence, undefined, 'an as_reported is no evidence entry');
    const write = (decisions: Record<string, Decision>) => writeConsensus({ leftText: aText, rightText, left: extractionInfo(a), right: extractionInfo(r), differences: d.differences, renames: d.renames, decisions, curator: 'x', date: '2026-11-30' }).text;
    const taken = write({ 'population.severity': { taken: 'right' }, 'results.5.direction': { taken: 'right' } });
    assert.match(taken, /\n {2}- field: population\.severity\n {4}quote: patients with moderate to severe SLE\n {4}location: Methods\n/);
    assert.equal(taken.match(/quote: /g)?.length, (aText.match(/quote: /g)?.length ?? 0) + 1, 'one entry added, none for the as_reported');
    assert.deepEqual(validate(taken), []);
    assert.doesNotMatch(write({ 'population.severity': { taken: 'left' } }), /patients with moderate to severe SLE/);
  });
  it('decisions for fields that no longer differ are not resumed', () => {
    const text = write({ 'population.severity': { taken: 'right' } }).text;
    assert.deepEqual(readDecisions(text, diff().differences.filter((d) => d.id !== 'population.severity')), {});
  });
});
