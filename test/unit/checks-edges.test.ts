/**
 * Edges of the domain checks that mutation testing found unguarded: matching rules of the
 * condition profiles, which problems carry which data, and inputs of the wrong shape (a check
 * must read them as absent, never crash into check-failed).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate, type ConditionProfile, type ProblemCode, type ValidateOptions } from '../../src/core';
import type { ProblemOf } from '../../src/core/problem';
import { instancesOf, items } from '../../src/core/checks/view';
import { trial } from '../helpers/studies';

const only = <C extends ProblemCode>(text: string, code: C, options?: ValidateOptions) => validate(text, options).filter((p) => p.code === code) as unknown as ProblemOf<C>[];
const covered = (text: string, p: { start: number; end: number } | undefined) => (p ? text.slice(p.start, p.end) : undefined);
const noCrash = (text: string) => assert.deepEqual(only(text, 'check-failed'), [], 'no check failed');
const withCondition = (population: string, endpoints = '') =>
  trial((b) => b.replace('population:\n  species: Homo sapiens\n', `population:\n${population}`).replace('    timepoints: [w4]\n', `    timepoints: [w4]\n${endpoints}`));
const missing = (text: string, options?: ValidateOptions) => only(text, 'profile-endpoint-missing', options).map((p) => `${p.data.profile}:${p.data.expected}`).sort();

describe('condition profiles: who they apply to', () => {
  it('a human profile never applies to animals, an animal profile never to people', () => {
    assert.deepEqual(missing(withCondition('  species: Rattus norvegicus\n  condition:\n    name: lupus\n')), []);
    assert.deepEqual(missing(withCondition('  species: Homo sapiens\n  condition:\n    name: sepsis\n')), []);
  });
  it('a disease model with no species is not taken for a human study, nor for an animal one', () => {
    assert.deepEqual(missing(withCondition('  disease_model:\n    name: lupus-prone mice\n')), []);
    assert.deepEqual(missing(withCondition('  disease_model:\n    name: sepsis by caecal ligation\n')), []);
  });
  it('an animal profile applies to an animal study by the name of its disease model', () => {
    assert.deepEqual(missing(withCondition('  species: Rattus norvegicus\n  disease_model:\n    name: sepsis by caecal ligation\n')), ['sepsis-animal:cytokines', 'sepsis-animal:survival']);
  });
  it('matches any of several codes, and profiles with only codes or only names', () => {
    const profiles: ConditionProfile[] = [
      { id: 'coded', name: 'Coded', applies: { codes: ['X99', 'J80'] }, expects: [{ id: 'pf', label: 'PaO2/FiO2', analytes: ['PaO2/FiO2'] }] },
      { id: 'named', name: 'Named', applies: { names: ['ards'] }, expects: [{ id: 'vf', label: 'ventilator-free days', names: ['ventilator-free'] }] },
    ];
    const text = withCondition('  species: Homo sapiens\n  condition:\n    name: ARDS\n    code: J80\n');
    assert.deepEqual(missing(text, { profiles }), ['ards-covid:mortality', 'ards-covid:oxygenation', 'ards-covid:who-cps', 'coded:pf', 'named:vf'], 'the shipped ARDS set applies too');
  });
});

describe('condition profiles: what meets an expected endpoint', () => {
  const sepsis = (endpoints: string) => missing(withCondition('  species: Rattus norvegicus\n  disease_model:\n    name: sepsis\n', endpoints));
  it('analytes match loosely: Greek letters, case, spaces, hyphens and underscores', () => {
    for (const analyte of ['TNF-α', 'tnf alpha', 'IL-1β', 'il_6', 'IL 10']) {
      assert.deepEqual(sepsis(`  - id: c\n    name: cytokine panel x\n    analyte: ${analyte}\n    timepoints: [w4]\n`).filter((m) => m.endsWith('cytokines')).length, 0, analyte);
    }
    assert.deepEqual(sepsis('  - id: c\n    name: other\n    analyte: TNF-gamma\n    timepoints: [w4]\n'), ['sepsis-animal:cytokines', 'sepsis-animal:survival']);
  });
  it('a category, or a safety priority, meets an expected category', () => {
    const knee = (endpoints: string) => missing(withCondition('  species: Homo sapiens\n  condition:\n    name: knee osteoarthritis\n', endpoints));
    assert.deepEqual(knee(''), ['knee-oa:cartilage-imaging', 'knee-oa:pain-function']);
    assert.deepEqual(knee('  - id: mri\n    name: Cartilage\n    category: imaging\n    timepoints: [w4]\n'), ['knee-oa:pain-function']);
    const ae = withCondition('  species: Homo sapiens\n  condition:\n    name: lupus\n').replace('    priority: safety\n    category: safety\n', '    priority: safety\n    category: efficacy\n');
    assert.ok(!missing(ae).includes('sle:adverse-events'), 'priority: safety meets adverse events');
  });
  it('an endpoint with no name is read as having none', () => {
    const text = withCondition('  species: Homo sapiens\n  condition:\n    name: lupus\n', '  - id: x\n    analyte: C3\n    timepoints: [w4]\n');
    noCrash(text);
    assert.ok(!missing(text).includes('sle:c3'));
  });
  it('a study with no endpoints section is not asked for a profile (the schema asks for the section)', () => {
    const text = withCondition('  species: Homo sapiens\n  condition:\n    name: lupus\n').replace(/endpoints:\n[\s\S]*?(?=curation:)/, '');
    assert.deepEqual(missing(text), []);
  });
});

describe('endpoints', () => {
  it('a completed study whose primary endpoint has a result draws nothing', () => {
    const text = trial((b) => b.replace('    priority: safety\n', '    priority: primary\n'), 'completed') + 'results:\n  - endpoint: ae\n    arm: treated\n    timepoint: w4\n';
    assert.deepEqual(only(text, 'endpoint-missing-result'), []);
  });
  it('an endpoint with no timepoint is named by its id, or by its position when it has none', () => {
    const text = trial((b) => b.replace('    timepoints: [w4]\n', ''));
    assert.deepEqual(only(text, 'endpoint-no-timepoint')[0]?.data, { endpoint: 'ae', index: 0 });
    const noId = trial((b) => b.replace('  - id: ae\n    name: Adverse events\n', '  - name: Adverse events\n').replace('    timepoints: [w4]\n', ''));
    assert.match(only(noId, 'endpoint-no-timepoint')[0]?.message ?? '', /^Endpoint `item 1` has no timepoint/);
  });
  it('a registered protocol is asked for a safety endpoint too; a safety category or priority is enough', () => {
    const unsafe = (type: string) => trial((b) => b.replace('type: single-arm trial', `type: ${type}`).replace('    priority: safety\n    category: safety\n', '    priority: primary\n    category: efficacy\n'));
    const [p] = only(unsafe('registered protocol'), 'safety-endpoint-missing');
    assert.deepEqual(p?.data, { studyType: 'registered protocol' });
    assert.deepEqual(only(unsafe('cohort'), 'safety-endpoint-missing'), []);
    const byCategory = trial((b) => b.replace('    priority: safety\n', '    priority: primary\n'));
    assert.deepEqual(only(byCategory, 'safety-endpoint-missing'), []);
  });
});

describe('references and ids', () => {
  it('a reference that is not text is the schema\'s to report, not an unresolved id', () => {
    const text = trial() + 'results:\n  - endpoint: ae\n    arm: {x: 1}\n    timepoint: w4\n';
    assert.deepEqual(only(text, 'ref-unresolved'), []);
  });
  it('lists at most eight declared ids', () => {
    const many = Array.from({ length: 10 }, (_, i) => `  - id: t${i}\n    at: ${i + 1} wk\n`).join('');
    const text = trial((b) => b.replace('timepoints:\n  - id: w4\n    at: 4 wk\n', `timepoints:\n  - id: w4\n    at: 4 wk\n${many}`).replace('timepoints: [w4]', 'timepoints: [qqqqqqqqqq]'));
    assert.match(only(text, 'ref-unresolved')[0]?.message ?? '', /\(timepoints: w4, t0, t1, t2, t3, t4, t5, t6\)$/);
  });
  it('a result at a timepoint its endpoint has none of says "none"', () => {
    const text = trial((b) => b.replace('    timepoints: [w4]\n', '    timepoints: [5]\n')) + 'results:\n  - endpoint: ae\n    arm: treated\n    timepoint: w4\n';
    const [p] = only(text, 'ref-timepoint-not-assessed');
    assert.match(p?.message ?? '', /pick one of: 5\.$/);
    const none = trial((b) => b.replace('    timepoints: [w4]\n', '    timepoints: []\n')) + 'results:\n  - endpoint: ae\n    arm: treated\n    timepoint: w4\n';
    assert.match(only(none, 'ref-timepoint-not-assessed')[0]?.message ?? '', /pick one of: none\.$/);
  });
  it('items without ids are not duplicates of each other; numeric ids are compared as text', () => {
    const noIds = trial((b) => b.replace('  - id: w4\n    at: 4 wk\n', '  - at: 4 wk\n  - at: 5 wk\n  - id: w4\n    at: 6 wk\n'));
    assert.deepEqual(only(noIds, 'id-duplicate'), []);
    const numeric = trial((b) => b.replace('  - id: w4\n    at: 4 wk\n', '  - id: w4\n    at: 4 wk\n  - id: 28\n    at: 28 d\n  - id: 28\n    at: 29 d\n'));
    assert.deepEqual(only(numeric, 'id-duplicate')[0]?.data, { collection: 'timepoints', id: '28', firstIndex: 1 });
  });
  it('only text ids are offered as suggestions', () => {
    const text = trial((b) => b.replace('  - id: cells\n', '  - id: cells\n    kind: cells\n  - id: 7\n').replace('- product: cells', '- product: qqqqqqqq'));
    assert.match(only(text, 'ref-unresolved')[0]?.message ?? '', /\(products: cells, 7\)$|\(products: cells\)$/);
    assert.doesNotMatch(only(text, 'ref-unresolved')[0]?.message ?? '', /Stryker/);
  });
});

describe('units: every time field, and what each problem carries', () => {
  const place = (edit: (b: string) => string) => trial(edit);
  it('population.age, an adverse event window and a collection time must be times', () => {
    const cases: [string, string][] = [
      ['age', trial((b) => b.replace('  species: Homo sapiens\n', '  species: Homo sapiens\n  age: 40 mL\n'))],
      ['window', trial() + 'safety:\n  adverse_events:\n    - event: fever\n      window: 3 mg\n'],
      ['collection_time', trial((b) => b.replace('    kind: cells\n', '    kind: cells\n    manufacturing:\n      collection_time: 48 kg\n'))],
    ];
    for (const [field, text] of cases) {
      const [p] = only(text, 'unit-incommensurable');
      assert.match(p?.message ?? '', new RegExp(`^\`${field}\` is a time`), field);
      assert.equal(p?.data.expected, 's');
      assert.equal(p?.data.anchor, null);
    }
  });
  it('says what is compared: doses of a product kind, results of an endpoint', () => {
    const doses = place((b) => b.replace('        route: intravenous\n', '        route: intravenous\n      - product: cells\n        dose: 2 mg\n'));
    const [d] = only(doses, 'unit-incommensurable');
    assert.equal(d?.message, '`mg` cannot be compared with `10*6{cells}/kg` used for doses of cells.');
    assert.equal(d?.data.anchor, '10*6{cells}/kg');
    const results = trial((b) => b.replace('    timepoints: [w4]\n', '    unit: mg/dL\n    timepoints: [w4]\n')) + 'results:\n  - endpoint: ae\n    arm: treated\n    value: 3 mL\n';
    assert.match(only(results, 'unit-incommensurable')[0]?.message ?? '', /used for endpoint ae\.$/);
  });
  it('an annotation against none says "no annotation"', () => {
    const text = place((b) => b.replace('        route: intravenous\n', '        route: intravenous\n      - product: cells\n        dose: 2 10*6/kg\n'));
    const [p] = only(text, 'unit-annotation-mismatch');
    assert.match(p?.message ?? '', /^`10\*6\/kg` counts no annotation but `10\*6\{cells\}\/kg` \(doses of cells\) counts \{cells\}/);
    assert.equal(p?.data.anchor, '10*6{cells}/kg');
  });
  it('an unknown unit carries UCUM\'s suggestions', () => {
    const [p] = only(trial((b) => b.replace('at: 4 wk', 'at: 4 wkk')), 'unit-unknown');
    assert.ok(Array.isArray(p?.data.suggestions));
  });
  it('the range of a long form is its unit field, even when the text repeats the unit later', () => {
    const text = trial((b) => b.replace('dose: 1 10*6{cells}/kg', 'dose: {value: 3, unit: mcg, as_reported: "3 mcg"}'));
    const [p] = only(text, 'unit-synonym');
    assert.equal(p?.start, text.indexOf('mcg'));
  });
  it('a unit that cannot be found in the written text (an escape) covers the whole value', () => {
    const text = trial((b) => b.replace('dose: 1 10*6{cells}/kg', 'dose: "1.5 \\x63c"'));
    assert.equal(covered(text, only(text, 'unit-synonym')[0]), '"1.5 \\x63c"');
  });
  it('spaces around a long-form unit are not a spelling problem', () => {
    const text = trial((b) => b.replace('dose: 1 10*6{cells}/kg', 'dose: {value: 3, unit: "mL "}'));
    assert.deepEqual(only(text, 'unit-synonym'), []);
  });
  it('doses of undeclared products, endpoints without ids and results without endpoints are not compared', () => {
    const text = trial((b) =>
      b
        .replace('        route: intravenous\n', '        route: intravenous\n      - product: ghost\n        dose: 2 mg\n      - product: ghost\n        dose: 2 mL\n')
        .replace('  - id: ae\n', '  - id: ae\n    unit: mg\n  - name: no id\n    unit: mL\n    timepoints: [w4]\n'),
    ) + 'results:\n  - arm: treated\n    value: 1 kg\n  - endpoint: ae\n    arm: treated\n    value: 2 mg\n';
    assert.deepEqual(only(text, 'unit-incommensurable'), []);
  });
});

describe('values of the wrong shape are read as absent', () => {
  const cases: [string, string][] = [
    ['a list document', '- a\n- b\n'],
    ['an intervention that is a word', trial((b) => b.replace('      - product: cells\n        dose: 1 10*6{cells}/kg\n        route: intravenous\n', '      - cells\n'))],
    ['evidence entries that are words', trial() + 'evidence:\n  - arms.treated\n'],
    ['an evidence field that is a number', trial() + 'evidence:\n  - field: 5\n    quote: q\n'],
    ['a list item that is empty', trial((b) => b.replace('timepoints:\n  - id: w4\n', 'timepoints:\n  -\n  - id: w4\n')) + 'evidence:\n  - field: timepoints.w4.at\n    quote: q\n'],
  ];
  for (const [name, text] of cases) it(name, () => noCrash(text));
  it('an evidence field that is a number is a schema problem only', () => {
    const text = trial() + 'evidence:\n  - field: 5\n    quote: q\n';
    assert.deepEqual(only(text, 'field-path-unresolved'), []);
  });
});

describe('counts and field paths at their edges', () => {
  const counted = (randomized: string, sizes: string[]) =>
    trial((b) =>
      b
        .replace('  species: Homo sapiens\n', `  species: Homo sapiens\n  counts:\n    randomized: ${randomized}\n`)
        .replace('    role: experimental\n', `    role: experimental\n    n: ${sizes[0]}\n`)
        .replace('timepoints:\n', sizes.slice(1).map((n, i) => `  - id: a${i}\n    role: placebo comparator\n    n: ${n}\n`).join('') + 'timepoints:\n'),
    );
  it('counts only whole numbers and exact ~N forms', () => {
    assert.deepEqual(only(counted('10', ['9', '1.5']), 'count-exceeds-randomized'), []);
    assert.deepEqual(only(counted('10', ['9', '"a~60"']), 'count-exceeds-randomized'), []);
    assert.deepEqual(only(counted('10', ['9', '"~60 or so"']), 'count-exceeds-randomized'), []);
  });
  const withTimepoints = (n: number, field: string) => {
    const tps = Array.from({ length: n }, (_, i) => `  - id: t${i}\n    at: ${i + 1} wk\n`).join('');
    return trial((b) => b.replace('timepoints:\n  - id: w4\n    at: 4 wk\n', `timepoints:\n  - id: w4\n    at: 4 wk\n${tps}`)) + `evidence:\n  - field: ${field}\n    quote: q\n`;
  };
  it('list positions: several digits resolve, past the end or half a number do not', () => {
    assert.deepEqual(only(withTimepoints(11, 'timepoints.11.at'), 'field-path-unresolved'), []);
    for (const field of ['timepoints.12', 'timepoints.13', 'timepoints.1a', 'arms.1']) {
      assert.equal(only(withTimepoints(11, field), 'field-path-unresolved').length, 1, field);
    }
  });
});

describe('the tolerant readers every check walks the value with', () => {
  const value = JSON.parse('{"arms": [{"id": "a", "doses": [1, 2]}, "x", {"id": "b", "doses": "none"}, {"doses": [3]}], "study": {"id": 1}, "constructor": []}');
  it('instancesOf: every match in document order, through lists and own keys only', () => {
    assert.deepEqual(instancesOf(value, ['arms', '*', 'doses', '*']), [['arms', 0, 'doses', 0], ['arms', 0, 'doses', 1], ['arms', 3, 'doses', 0]]);
    assert.deepEqual(instancesOf(value, ['arms', '*', 'id']), [['arms', 0, 'id'], ['arms', 2, 'id']]);
    assert.deepEqual(instancesOf(value, ['study', 'id']), [['study', 'id']]);
    assert.deepEqual(instancesOf(value, ['study', '*']), [], 'a mapping is not a list');
    assert.deepEqual(instancesOf(value, ['arms', 'id']), [], 'a list is not a mapping');
    assert.deepEqual(instancesOf(value, ['constructor', '*']), [], 'an empty list');
    assert.deepEqual(instancesOf({ arms: [{}] }, ['arms', '*', 'toString']), [], 'inherited names are not keys');
    assert.deepEqual(instancesOf(value, []), [[]], 'the root itself');
    assert.deepEqual(instancesOf(null, ['arms']), []);
    const paths = instancesOf(value, ['arms', '*']);
    assert.notEqual(paths[0], paths[1], 'each path its own array');
    assert.deepEqual(paths, [['arms', 0], ['arms', 1], ['arms', 2], ['arms', 3]]);
  });
  it('items: the mappings of a top-level list with their index, nothing for what is not a list', () => {
    assert.deepEqual(items(value, 'arms').map(({ item, index }) => [item.id, index]), [['a', 0], ['b', 2], [undefined, 3]]);
    assert.deepEqual(items(value, 'study'), []);
    assert.deepEqual(items(value, 'missing'), []);
    assert.deepEqual(items([{ a: 1 }], 'arms'), []);
  });
});

describe('a registration filed under other', () => {
  const problems = (registration: string) => validate(trial((b) => b.replace('design:', `registration:\n${registration}design:`))).map((p) => [p.code, p.line, p.message, p.data]);
  it('names the registry whose id form it has, spaces around the id aside, at its own entry', () => {
    assert.deepEqual(problems('  - registry: other\n    id: " NCT01234567 "\n'), [['registry-id-form', 7, '` NCT01234567 ` looks like an id of ClinicalTrials.gov; set `registry: ClinicalTrials.gov` so it is checked as one.', { pointer: '/registration/0/registry', suggestion: 'ClinicalTrials.gov' }]]);
    assert.deepEqual(problems('  - registry: ClinicalTrials.gov\n    id: NCT01234567\n  - registry: other\n    id: IRCT20200101012345N1\n'), [['registry-id-form', 9, '`IRCT20200101012345N1` looks like an id of IRCT; set `registry: IRCT` so it is checked as one.', { pointer: '/registration/1/registry', suggestion: 'IRCT' }]]);
  });
  it('says nothing of an id of no known form', () => {
    assert.deepEqual(problems('  - registry: other\n    id: local-42\n'), []);
  });
});

describe('quantities in the long form', () => {
  const problems = (dose: string, extra = '') =>
    validate(trial((b) => b.replace('        dose: 1 10*6{cells}/kg\n', `        dose: ${dose}\n${extra}`)))
      .filter((p) => p.code.startsWith('quantity') || p.code.startsWith('dose') || p.code === 'check-failed')
      .map((p) => [p.code, p.line, p.message, p.data]);
  const pointer = '/arms/0/interventions/0/dose';
  it('a reversed range, said as a reader would say it, with nothing to swap in the text', () => {
    assert.deepEqual(problems('{low: 5, high: 2, unit: mL}'), [['quantity-range-reversed', 18, 'The range `5 to 2 mL` runs from high to low (5 is more than 2); write the lower bound first.', { pointer, swapped: null }]]);
    assert.deepEqual(problems('{low: 1, high: -2, unit: mL}').map((p) => p[2]), ['The range `1 to -2 mL` runs from high to low (1 is more than -2); write the lower bound first.']);
    assert.deepEqual(problems('{value: 5, low: 5, high: 2, unit: mL}').map((p) => p[2]), ['The range `5 (5 to 2) mL` runs from high to low (5 is more than 2); write the lower bound first.']);
    assert.deepEqual(problems('{low: 5, high: 2}').map((p) => p[2]), ['The range `5 to 2` runs from high to low (5 is more than 2); write the lower bound first.']);
    assert.deepEqual(problems('{low: 2, high: 5, unit: mL}'), []);
    assert.deepEqual(problems('{low: 5, unit: mL}'), [], 'one bound');
  });
  it('a dose of zero or less, by any of its numbers; other quantities may be negative', () => {
    assert.deepEqual(problems('{low: -1, high: 2, unit: mL}'), [['dose-not-positive', 18, 'The dose `-1 to 2 mL` is zero or less; a dose is an amount given (check for a stray minus sign or a missing digit).', { pointer }]]);
    assert.deepEqual(problems('{value: -1, unit: mL}').map((p) => p[2]), ['The dose `-1 mL` is zero or less; a dose is an amount given (check for a stray minus sign or a missing digit).']);
    assert.deepEqual(problems('{value: 0, unit: mL}').length, 1);
    assert.deepEqual(problems('{value: 1, unit: mL}'), []);
    assert.deepEqual(problems('1 mL', '        volume: -1 mL\n'), [], 'a volume is not a dose');
    assert.deepEqual(problems('1 mL', '        volume: {value: -1, unit: mL}\n'), []);
  });
  it('the short form: a reversed range has its swap, and a negative dose is one problem', () => {
    assert.deepEqual(problems('1 mL', '        volume: 5-2 mL\n'), [['quantity-range-reversed', 19, 'The range `5-2 mL` runs from high to low (5 is more than 2); write the lower bound first.', { pointer: '/arms/0/interventions/0/volume', swapped: '2-5 mL' }]]);
    assert.deepEqual(problems('-2 mL').map((p) => p[0]), ['dose-not-positive']);
  });
});

describe('the endpoint a missing expectation suggests, and what meets a safety one', () => {
  const gout: ConditionProfile = {
    id: 'gout',
    name: 'Gout',
    applies: { names: ['gout'] },
    expects: [
      { id: 'a', label: 'an uric acid level (serum)', analytes: ['urate', 'uric'], instruments: [], categories: ['efficacy'] },
      { id: 'b', label: 'a flare count', instruments: ['FLARE-Q', 'X'], analytes: ['none'] },
      { id: 'c', label: 'pain', names: ['pain'] },
      { id: 'd', label: 'safety events', categories: ['safety'] },
      { id: 'e', label: 'anemia (Hb)', analytes: ['Hb'] },
    ],
  };
  const gouty = (edit: (b: string) => string = (b) => b) => trial((b) => edit(b.replace('  species: Homo sapiens\n', '  species: Homo sapiens\n  condition:\n    name: Gouty arthritis\n')));
  const missing = (text: string) => validate(text, { profiles: [gout] }).filter((p) => p.code === 'profile-endpoint-missing').map((p) => [p.data.expected, p.data.endpoint]);
  it('names it from the label without its article and parenthesis, with the first instrument, else the first analyte, and the first category', () => {
    assert.deepEqual(missing(gouty()), [
      ['a', { name: 'Uric acid level', analyte: 'urate', category: 'efficacy' }],
      ['b', { name: 'Flare count', instrument: 'FLARE-Q' }],
      ['c', { name: 'Pain' }],
      ['e', { name: 'Anemia', analyte: 'Hb' }],
    ]);
  });
  it('a safety expectation is met by an endpoint of safety priority or category, not by another', () => {
    assert.deepEqual(missing(gouty((b) => b.replace('    priority: safety\n    category: safety\n', '    priority: primary\n    category: efficacy\n'))).map(([id]) => id), ['b', 'c', 'd', 'e']);
    assert.deepEqual(missing(gouty((b) => b.replace('    category: safety\n', '    category: efficacy\n'))).map(([id]) => id), ['b', 'c', 'e']);
  });
});
