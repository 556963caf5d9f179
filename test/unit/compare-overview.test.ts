// The overview rows of Compare Trials, cell by cell: what each row reads, from where, and how it
// shows what it read. The examples' table is written out in full (the text a curator sees and
// the line each cell links to); one made-up trial covers the secondary paths no example has.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildComparison, ValidationSession, type Cell, type Comparison } from '../../src/core';
import { EXAMPLES, read, studyFiles } from '../helpers/studies';

const compare = (files: Record<string, string>): Comparison => buildComparison(Object.entries(files).map(([file, text]) => ({ file, result: new ValidationSession().run(text) })));

/** A cell as [text, line], or [text, line, state] where the state is not 'value'; A where absent. */
type Expected = 'A' | [string, number] | [string, number, Cell['state']];
const A = 'A';
const shown = (c: Cell): Expected => (c.state === 'absent' ? A : c.state === 'value' ? [c.text, c.source?.line ?? -1] : [c.text, c.source?.line ?? -1, c.state]);

describe('the overview of the examples', () => {
  const files = studyFiles(EXAMPLES).sort();
  const c = compare(Object.fromEntries(files.map((f) => [path.basename(f), read(f)])));
  it('has one column per example, in file order', () => {
    assert.deepEqual(c.trials.map((t) => t.id), ['beike-2025-sle-ucmsc-phase1-2', 'noor-azlan-2024-msc-secretome-review', 'nurudhin-2025-sle-secretome', 'sari-2025-sepsis-hypoxic-cm', 'wang-2025-knee-oa-ucmsc-exosomes']);
  });
  it('shows every row with its group and label, and each cell\'s text, state and source line', () => {
    const expected: [string, string, string, Expected[]][] = [
      ["type", "design", "Study type", [["randomized controlled trial", 5], ["narrative review", 5], ["randomized controlled trial", 10], ["preclinical in vivo", 5], ["randomized controlled trial", 7]]],
      ["status", "design", "Status", [["recruiting", 6], ["published", 6], ["published", 11], ["published", 6], ["published", 8]]],
      ["phase", "design", "Phase", [["1/2", 7], ["n/a", 7], A, ["n/a", 7], A]],
      ["allocation", "design", "Allocation", [["randomized", 15], A, ["randomized", 35], ["n/a", 29], ["randomized", 37]]],
      ["masking", "design", "Masking", [["quadruple: participant, care provider, investigator, outcomes assessor", 17], A, ["double", 37], A, ["double", 39]]],
      ["registration", "design", "Registration", [A, A, A, A, ["Medical Research Registration Information System MR-13-24-017929", 32]]],
      ["condition", "population", "Condition", [["systemic lupus erythematosus (M32)", 32], A, ["systemic lupus erythematosus (M32)", 44], ["sepsis", 37], ["knee osteoarthritis (M17)", 45]]],
      ["species", "population", "Species", [["Homo sapiens", 29], A, ["Homo sapiens", 41], ["Rattus norvegicus", 33], ["Homo sapiens", 43]]],
      ["planned", "population", "N planned", [["~58", 37], A, A, A, A]],
      ["randomized", "population", "N randomized", [A, A, ["29", 49], A, A]],
      ["arms", "arms", "Arms (role, n)", [["low (experimental); medium (experimental); high (experimental); double (experimental); placebo (placebo comparator)", 52], A, ["secretome (experimental); placebo (placebo comparator)", 64], ["sham (sham); control (disease control); t1 (experimental); t2 (experimental)", 51], ["exos-ascending (experimental)", 64]]],
      ["product-kind", "product", "Product kind", [["cells, placebo", 40], A, ["secretome, placebo", 52], ["conditioned medium", 43], ["exosomes", 50]]],
      ["tissue", "product", "Source tissue", [["umbilical cord", 40], A, ["umbilical cord", 52], A, ["umbilical cord", 50]]],
      ["preconditioning", "product", "Preconditioning", [A, A, A, ["hypoxia", 43], A]],
      ["markers", "product", "Markers (+ / −)", [A, A, A, A, ["CD9, CD63, TSG101", 50]]],
      ["dose-per-kg", "intervention", "Dose per kg (normalised)", [["low: 1 10*6{cells}/kg · medium: 3 10*6{cells}/kg · high: 5 10*6{cells}/kg · double: 3 10*6{cells}/kg", 58], A, A, A, A]],
      ["dose", "intervention", "Dose (normalised)", [A, A, ["secretome: 1.5 mL · placebo: 1.5 mL", 69], ["t1: 0.15 mL · t2: 0.3 mL", 65], A]],
      ["route", "intervention", "Route", [["low: intravenous · medium: intravenous · high: intravenous · double: intravenous · placebo: intravenous", 59], A, ["secretome: intramuscular · placebo: intramuscular", 70], ["t1: not reported · t2: not reported", 66, "not-reported"], ["local injection", 69]]],
      ["frequency", "intervention", "Frequency × doses", [["low: once · medium: once · high: once · double: 2 doses", 60], A, ["secretome: weekly × 6 doses · placebo: weekly × 6 doses", 71], ["t1: once · t2: once", 67], A]],
      ["duration", "intervention", "Duration", [A, A, ["secretome: 6 wk · placebo: 6 wk", 73], A, A]],
      ["follow-up", "outcomes", "Timepoints", [["1-28 d, 24 wk, not stated in the source", 100], A, ["baseline, 22 d, 43 d, during the study (window not stated)", 87], ["48 h", 81], ["before treatment, after treatment", 73]]],
      ["primary", "outcomes", "Primary endpoint", [["Incidence and severity of treatment-emergent adverse events", 111], A, A, A, A]],
      ["safety", "outcomes", "Adverse events", [A, A, ["severe: none observed", 177], ["any: not reported", 127, "not-reported"], ["any: none observed", 113]]],
    ];
    assert.deepEqual(
      c.overview.map((r) => [r.id, r.group, r.label, r.cells.map(shown)]),
      expected,
    );
  });
  it('keeps a dose\'s sort key, what was written and the source of the experimental arm', () => {
    const dose = c.overview.find((r) => r.id === 'dose');
    const perKg = c.overview.find((r) => r.id === 'dose-per-kg');
    assert.deepEqual([perKg?.cells[0]?.sort, perKg?.cells[0]?.written], [1, 'low: 1 million cells/kg · medium: 3 million cells/kg · high: 5 million cells/kg · double: provisionally 3 million cells/kg']);
    assert.deepEqual(dose?.cells.map((x) => [x.sort, x.written]), [[undefined, undefined], [undefined, undefined], [1.5, 'secretome: 1.5 cc · placebo: 1.5 cc'], [0.15, 't1: 150 µL · t2: 300 µL'], [undefined, undefined]]);
  });
});

describe('the overview\'s secondary paths', () => {
  const text = `
study:
  id: edge
  title: Edge
  type: randomized controlled trial
  status: ''
  phase: "2"
design:
  allocation: randomized
  masking:
    masked: [participant, 3]
registration:
  - id: NCT00000001
  - registry: ChiCTR
population:
  species: Homo sapiens
  conditions:
    - name: knee osteoarthritis
    - name: obesity
      code: E66
  counts:
    planned: 40
    analyzed: not reported
products:
  - id: p1
    kind: exosomes
    source: {tissue: adipose}
    preconditioning: [hypoxia, 5, hypoxia]
    characterization:
      negative_markers: [calnexin]
  - id: p2
    kind: exosomes
    source: {tissue: adipose}
    preconditioning: [IFN-gamma]
    characterization:
      positive_markers: CD63
arms:
  - id: ctl
    role: placebo comparator
    interventions:
      - product: p2
        dose: { value: 2, unit: mL, as_reported: 2 mL }
        route: intravenous
        frequency: {times: 1}
        doses: 3
  - role: experimental
    n: 20
    interventions:
      - product: p1
        dose: 150 uL
        routes: [intravenous, 7]
        frequency: {times: 2, per: week}
        duration: 4 wk
  - id: x
    role: active comparator
    interventions:
      - product: p1
        dose: 5 [iU]
        route: not reported
timepoints:
  - label: end of treatment
  - id: w12
  - at: 4 wk
endpoints:
  - id: womac
    priority: primary
  - id: vas
    name: VAS pain
    priority: primary
  - id: ae
    name: AE
    priority: secondary
safety:
  adverse_events:
    - status: observed
      participants: 2
    - category: serious
      status: not reported
`.slice(1);
  const c = compare({ 'edge.yaml': text });
  const cell = (id: string) => c.overview.find((r) => r.id === id)?.cells[0];
  /** The text a cell's source points at, so a source one field off shows. */
  const at = (id: string) => {
    const s = cell(id)?.source;
    return s && [s.line, text.slice(s.start, s.end).split('\n')[0]];
  };
  it('reads each row\'s fallbacks: masked without a level, registrations without a registry or id, conditions as a list, counts', () => {
    assert.equal(cell('status'), undefined, 'an empty string is absent, and a row no trial fills is left out');
    assert.deepEqual([cell('phase')?.text, cell('masking')?.text, cell('registration')?.text], ['2', 'participant, 3', 'NCT00000001; ChiCTR']);
    assert.deepEqual([cell('condition')?.text, at('condition')], ['knee osteoarthritis; obesity (E66)', [17, '- name: knee osteoarthritis']]);
    assert.deepEqual([cell('planned')?.text, cell('planned')?.state, cell('analyzed')?.text, cell('analyzed')?.state], ['40', 'value', 'not reported', 'not-reported']);
  });
  it('names an arm without an id by its place, and shows role and size', () => {
    assert.equal(cell('arms')?.text, 'ctl (placebo comparator); ? (experimental, 20); x (active comparator)');
    assert.equal(cell('dose')?.text.split(' · ')[1], 'arm 2: 0.15 mL');
  });
  it('lists products\' kinds, tissues and preconditioning once each, strings only; negative markers never read as positive', () => {
    assert.deepEqual(['product-kind', 'tissue', 'preconditioning', 'markers'].map((id) => cell(id)?.text), ['exosomes', 'adipose', 'hypoxia, IFN-gamma', '— / calnexin; CD63']);
  });
  it('sorts and sources a per-arm row by the experimental arm, keeps what was written where it differs, and the first note', () => {
    const dose = cell('dose');
    assert.deepEqual([dose?.text, dose?.sort, dose?.written, dose?.note], ['ctl: 2 mL · arm 2: 0.15 mL · x: 5 [iU]', 0.15, 'ctl: 2 mL · arm 2: 150 uL · x: 5 [iU]', 'no common unit for doses in [iU]']);
    assert.deepEqual(at('dose'), [49, '150 uL']);
    assert.equal(cell('dose-per-kg'), undefined);
  });
  it('reads routes as a list or one route, sourced at the field it read; frequency as words or times per period, with the number of doses', () => {
    assert.deepEqual([cell('route')?.text, cell('route')?.state, at('route')], ['ctl: intravenous · arm 2: intravenous, 7 · x: not reported', 'value', [50, '[intravenous, 7]']]);
    assert.deepEqual([cell('frequency')?.text, at('frequency')], ['ctl: 1× per ? × 3 doses · arm 2: 2× per week', [51, '{times: 2, per: week}']]);
    assert.deepEqual([cell('duration')?.text, at('duration')], ['4 wk', [52, '4 wk']], 'one arm has a duration: no arm name');
  });
  it('names timepoints by when, else label, else id; primary endpoints by name, else id; adverse events with their category and participants', () => {
    assert.equal(cell('follow-up')?.text, 'end of treatment, w12, 4 wk');
    assert.equal(cell('primary')?.text, 'womac; VAS pain');
    assert.deepEqual([cell('safety')?.text, cell('safety')?.state, at('safety')], ['any: observed (2 participants); serious: not reported', 'value', [74, '- status: observed']]);
  });
  it('plots every dose it could normalise, with arm, role, value, unit, text, what was written and the source', () => {
    assert.deepEqual(
      c.doses.map((d) => [d.trial, d.arm, d.role, d.low, d.high, d.unit, d.text, d.written, d.source?.line]),
      [
        ['edge', 'ctl', 'placebo comparator', 2, undefined, 'mL', '2 mL', '2 mL', 41],
        ['edge', 'arm 2', 'experimental', 0.15, undefined, 'mL', '0.15 mL', '150 uL', 49],
      ],
    );
  });
  it('says not reported only where every arm, or every adverse event, says it', () => {
    const silent = compare({ 's.yaml': text.replace('dose: 150 uL', 'dose: 1 mL').replace('        routes: [intravenous, 7]\n', '        route: not reported\n').replace('        route: intravenous\n', '        route: not reported\n').replace('    - status: observed\n      participants: 2\n', '') });
    const row = (id: string) => silent.overview.find((r) => r.id === id)?.cells[0];
    assert.deepEqual([row('route')?.text, row('route')?.state], ['ctl: not reported · arm 2: not reported · x: not reported', 'not-reported']);
    assert.deepEqual([row('safety')?.text, row('safety')?.state], ['serious: not reported', 'not-reported']);
  });
  it('shows a disease model where no condition is written, and a range dose as its two bounds', () => {
    const model = compare({ 'm.yaml': text.replace(/  conditions:\n(    .*\n)+/, '  disease_model:\n    name: collagen-induced arthritis\n').replace('dose: 150 uL', 'dose: 100-200 uL') });
    const row = (id: string) => model.overview.find((r) => r.id === id)?.cells[0];
    assert.equal(row('condition')?.text, 'collagen-induced arthritis');
    assert.deepEqual(model.doses.map((d) => [d.arm, d.low, d.high]), [['ctl', 2, undefined], ['arm 2', 0.1, 0.2]]);
  });
});

describe('a study without an id or a title', () => {
  it('is named by its file, with an empty title, in its column and in its chart points', () => {
    const text = `study:\n  type: randomized controlled trial\narms:\n  - id: a\n    interventions:\n      - dose: 2 mL\n`;
    const c = compare({ 'untitled.yaml': text });
    assert.deepEqual(c.trials.map((t) => [t.file, t.id, t.title]), [['untitled.yaml', 'untitled.yaml', '']]);
    assert.deepEqual(c.doses.map((d) => [d.trial, d.arm, d.role, d.text]), [['untitled.yaml', 'a', '', '2 mL']]);
  });
});
