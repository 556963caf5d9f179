// Exact hover texts and outline trees: the editor features a curator reads every minute, pinned
// whole so that a changed word, a lost detail or a range off by one fails here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt, outline, type OutlineNode } from '../../src/core';
import { ParseCache } from '../../src/core/yaml/cache';

const DOSE_DOC = "**Dose**\n\nDose per administration, total or per kg (e.g. '3 10*6{cells}/kg').\n\nExample: `1.5 mL`";
const UNIT_DOC = '**Unit**\n\nThe UCUM unit results are reported in.\n\nExample: `pg/mL`';
const dose = (value: string) => `arms:\n  - id: a\n    interventions:\n      - dose: ${value}\n`;
const unit = (value: string) => `endpoints:\n  - id: e\n    unit: ${value}\n`;

/** The hover at the first `at` in `text` (plus `shift`), as the hovered text and the contents. */
function hover(text: string, at: string, shift = 0): [string, string] | undefined {
  const info = hoverAt(text, text.indexOf(at) + shift);
  return info && [text.slice(info.start, info.end), info.contents];
}

describe('hover, exact contents', () => {
  it('a range of a quantity: both bounds, its unit name and kind, then the field', () => {
    assert.deepEqual(hover(dose('2-3 mL # from table 2'), '2-3'), ['2-3 mL', `**2-3 mL** (milliliter, volume)\n\n= 2000-3000 uL · 0.002-0.003 L\n\n---\n\n${DOSE_DOC}`]);
  });
  it('a range in a unit with a friendlier one converts both bounds', () => {
    assert.deepEqual(hover(dose('2-3 g'), '2-3'), ['2-3 g', `**2-3 g** (gram, mass)\n\n= 2e9-3e9 ng · 2e6-3e6 ug · 2000-3000 mg\n\n---\n\n${DOSE_DOC}`]);
    assert.deepEqual(hover('timepoints:\n  - id: d\n    at: 2 wk\n', '2 wk'), ['2 wk', "**2 wk** (week, time)\n\n= 20200 min · 336 h · 14 d · 0.46 mo (mean Julian month, 30.4375 d) · 0.0383 a\n\n---\n\n**Time**\n\nThe time or window, e.g. '22 d', '48 h' or '1-28 d'.\n\nExample: `22 d`"]);
  });
  it('a quoted quantity is read without its quotes, and hovered with them', () => {
    assert.deepEqual(hover(dose('"150 uL"'), '150'), ['"150 uL"', `**150 uL** (microliter, volume)\n\n= 0.15 mL · 1.5e-4 L\n\n---\n\n${DOSE_DOC}`]);
    assert.deepEqual(hover(dose("'150 uL'"), '150'), ["'150 uL'", `**150 uL** (microliter, volume)\n\n= 0.15 mL · 1.5e-4 L\n\n---\n\n${DOSE_DOC}`]);
  });
  it('a power of ten written once is read for both bounds in every equivalent, however it is spelled', () => {
    const line = '= 3 x 10^5 to 5 x 10^5 10*6{particles} · 300-500 10*9{particles}';
    const head = (text: string) => hover(text, '3')?.[1].split('\n\n---')[0];
    assert.equal(head(dose('"3-5 x 10^11 {particles}"')), `**3 × 10^11 to 5 × 10^11 {particles}** ({particles}, count of particles)\n\nThe power of ten written once, after the high bound, applies to both bounds.\n\n${line}`);
    assert.match(head(dose('3-5e11 {particles}')) ?? '', /= 3e5-5e5 10\*6\{particles\} · 300-500 10\*9\{particles\}$/);
    assert.match(head(dose('"3-5 x 10^-2 mL"')) ?? '', /= 30-50 uL · 3 x 10\^-5 to 5 x 10\^-5 L$/);
  });
  it('a synonym names what was written and the UCUM code', () => {
    assert.deepEqual(hover(dose('1.5 cc'), 'cc'), ['1.5 cc', `**1.5 mL** (milliliter, volume)\n\nWritten \`cc\`; the UCUM code is \`mL\`.\n\n= 1500 uL · 0.0015 L\n\n---\n\n${DOSE_DOC}`]);
  });
  it('ratios are named by what they measure, counts keep what they count, and powers of ten stay', () => {
    const at = (text: string) => hover(text, text.includes('mg/dL') ? '90' : '3 x')?.[1].split('\n\n---')[0];
    // 90 mg/dL = 900 mg/L = 0.9 mg/mL: worked by hand, not by the converter.
    assert.equal(at(dose('90 mg/dL')), '**90 mg/dL** (milligram per deciliter, mass concentration)\n\n= 9e8 pg/mL · 9e5 ng/mL · 900 ug/mL · 0.9 mg/mL · 9e8 ng/L · 9e5 ug/L · 900 mg/L · 0.09 g/dL · 0.9 g/L');
    assert.equal(at(dose('3 x 10^6 {cells}/kg')), '**3 × 10^6 {cells}/kg** ({cells}/kilogram, cells per body mass)\n\n= 3 10*6{cells}/kg · 0.003 10*9{cells}/kg');
    assert.equal(at(dose('3 x 10^11 {cells}/kg')), '**3 × 10^11 {cells}/kg** ({cells}/kilogram, cells per body mass)\n\n= 3 x 10^5 10*6{cells}/kg · 300 10*9{cells}/kg');
  });
  it('days name their whole weeks, and months are said to be Julian', () => {
    const tp = (v: string) => `timepoints:\n  - id: d\n    at: ${v}\n`;
    assert.match(hover(tp('43 d'), '43')?.[1] ?? '', /· 6\.14 wk \(6 wk 1 d\) · 1\.41 mo \(mean Julian month, 30\.4375 d\) ·/);
    assert.match(hover(tp('3 mo'), '3 mo')?.[1] ?? '', /· 91\.3 d · 13 wk · 0\.25 a\n\n1 mo is UCUM's mean Julian month, 30\.4375 d, not a calendar month\.\n\n---/);
  });
  it('a long-form quantity is described wherever the pointer rests in it, given the parse', () => {
    const withParse = (text: string, at: string) => {
      const info = hoverAt(text, text.indexOf(at), new ParseCache(true).parse(text));
      return info && [text.slice(info.start, info.end), info.contents.split('\n\n---')[0]];
    };
    const flow = dose('{value: 150, unit: uL}');
    assert.deepEqual(withParse(flow, '150'), ['{value: 150, unit: uL}', '**150 uL** (microliter, volume)\n\n= 0.15 mL · 1.5e-4 L']);
    assert.deepEqual(hover(flow, '150')?.[1], DOSE_DOC, 'without the parse, the field alone');
    const block = dose('\n          value: 90 # table 2\n          unit: mg/dL\n');
    assert.deepEqual(withParse(block, 'mg/dL')?.[1], withParse(dose('90 mg/dL'), '90')?.[1]);
    assert.deepEqual(withParse(block, '90 #')?.[1], withParse(dose('90 mg/dL'), '90')?.[1]);
    assert.deepEqual(withParse(block, '90 #'), withParse(block, '90 #'));
    const stale = hoverAt(block, block.indexOf('mg/dL'), new ParseCache(true).parse(flow));
    assert.match(stale?.contents ?? '', /^UCUM `mg\/dL`/, 'a parse of another text is not used');
  });
  it('a unit that is not UCUM says so, in a quantity and in a unit field', () => {
    assert.deepEqual(hover(dose('150 floops'), '150'), ['150 floops', `\`floops\` is not a UCUM unit.\n\n---\n\n${DOSE_DOC}`]);
    assert.deepEqual(hover(unit('floop'), 'floop'), ['floop', `\`floop\` is not a UCUM unit.\n\n---\n\n${UNIT_DOC}`]);
  });
  it('a unit field: its UCUM code and name, and what was written when it is a synonym', () => {
    assert.deepEqual(hover(unit('mg/dL'), 'mg/dL'), ['mg/dL', `UCUM \`mg/dL\`: milligram per deciliter\n\n---\n\n${UNIT_DOC}`]);
    assert.deepEqual(hover(unit('cc'), 'cc'), ['cc', `UCUM \`mL\`: milliliter (written \`cc\`)\n\n---\n\n${UNIT_DOC}`]);
  });
  it('a field with allowed values lists them, on the key and on the value', () => {
    const text = 'study:\n  type: rct\n';
    const doc = hover(text, 'type')?.[1] ?? '';
    assert.match(doc, /^\*\*Study type\*\*\n\nThe kind of study\. It decides which sections are required\.\n\nAllowed: `randomized controlled trial`, `non-randomized trial`, .*`registered protocol`\n\nExample: `randomized controlled trial`$/);
    assert.deepEqual(hover(text, 'rct'), ['rct', doc]);
  });
  it('an object example is shown as JSON, and a text example is preferred to it', () => {
    const arms = hover('arms:\n  - id: a\n', 'arms')?.[1] ?? '';
    assert.match(arms, /\n\nExample: `\[\{"id":"secretome","label":"UCMSC secretome","role":"experimental"\}\]`$/);
    assert.deepEqual(hover(dose('1 mL'), 'dose')?.[1], DOSE_DOC, 'the quantity definition has an object example after the text one');
  });
  it('a value of a field that is not a quantity shows only the field', () => {
    assert.deepEqual(hover('study:\n  title: 150 uL\n', '150'), ['150 uL', "**Title**\n\nThe full title as published or registered.\n\nExample: `Umbilical cord mesenchymal stem cell-derived secretome as a potential treatment for systemic lupus erythematosus`"]);
  });
  it('a value in a free-form place with no documentation shows nothing', () => {
    assert.equal(hoverAt('x_note:\n  anything: 150 uL\n', 25), undefined);
  });
});

describe('hover, where it starts and ends', () => {
  const text = dose('150 uL   # a comment');
  const valueStart = text.indexOf('150');
  const valueEnd = valueStart + '150 uL'.length;
  const keyStart = text.indexOf('dose');
  it('covers the key from its first to just past its last character', () => {
    assert.equal(hoverAt(text, keyStart - 1), undefined, 'the dash and space before the key');
    for (const at of [keyStart, keyStart + 4]) assert.deepEqual(hover(text, 'dose', at - keyStart)?.[0], 'dose');
    assert.equal(hoverAt(text, keyStart + 5), undefined, 'between the colon and the value');
  });
  it('covers the value up to its end, and not the comment after it', () => {
    assert.equal(hoverAt(text, valueStart - 1), undefined);
    assert.equal(hoverAt(text, valueStart)?.start, valueStart);
    assert.equal(hoverAt(text, valueEnd)?.end, valueEnd);
    assert.equal(hoverAt(text, valueEnd + 1), undefined);
    assert.equal(hoverAt(text, text.indexOf('comment')), undefined);
  });
  it('at the end of a value that ends its line, the line is still the one hovered', () => {
    const route = 'arms:\n  - id: a\n    interventions:\n      - route: intravenous\n      - dose: 1 mL\n';
    const end = route.indexOf('intravenous') + 'intravenous'.length;
    assert.equal(route.charAt(end), '\n');
    assert.deepEqual(hover(route, 'intravenous', 'intravenous'.length)?.[0], 'intravenous');
  });
  it('a field that is not a quantity is not read as one, and quotes are taken off only when they close the value', () => {
    const name = 'endpoints:\n  - id: e\n    name: 5 mL\n';
    assert.match(hover(name, '5 mL')?.[1] ?? '', /^\*\*Name\*\*/);
    assert.match(hover(unit('a"mg"'), 'a"mg"')?.[1] ?? '', /^`a"mg"` is not a UCUM unit\./);
    assert.match(hover(unit('"mg" x'), '"mg" x')?.[1] ?? '', /^`"mg" x` is not a UCUM unit\./);
  });
  it('a key with no value has nothing to show past the colon', () => {
    const bare = 'arms:\n  - id: a\n    interventions:\n      - dose:\n';
    assert.equal(hoverAt(bare, bare.indexOf('dose:') + 5), undefined);
  });
  it('reads the line under the cursor only, with CRLF endings, on the first and the last line', () => {
    const crlf = 'study:\r\n  type: rct\r\n  id: x\r\n';
    assert.deepEqual(hover(crlf, 'rct')?.[0], 'rct');
    assert.equal(hover(crlf, 'study')?.[0], 'study', 'the first line, at offset 0');
    const last = 'study:\n  type: rct';
    assert.deepEqual(hover(last, 'rct', 3)?.[0], 'rct', 'the end of a last line without a newline');
  });
  it('an unknown key, a list item and a comment show nothing', () => {
    assert.equal(hoverAt('arms:\n  - id: a\n    nonsense: 1\n', 20), undefined);
    assert.equal(hoverAt('keywords:\n  - secretome\n', 16), undefined);
    assert.equal(hoverAt('# arms: x\n', 3), undefined);
  });
});

/** An outline node as [name, detail, kind, its range's first line, its selection], with children. */
type Shape = [string, string, string, string, string, Shape[]?];
function shape(text: string, n: OutlineNode): Shape {
  const s: Shape = [n.name, n.detail, n.kind, text.slice(n.start, n.end).split('\n')[0] ?? '', text.slice(n.selectStart, n.selectEnd).trim()];
  if (n.children.length) s.push(n.children.map((c) => shape(text, c)));
  return s;
}

describe('outline, exact tree', () => {
  const text = `study:
  id: s-2020
  title: A trial
products:
  - id: p1
    name: Secretome
    kind: secretome
  - name: unnamed
arms:
  - id: a1
    label: Treated
    role: experimental
  - role: control
timepoints:
  - id: d0
    label: Baseline
  - id: d7
    at: 7 d
  - id: d9
endpoints:
  - id: e1
    name: Pain
    priority: primary
    timepoints: [d0, d7, d9, zz]
  - id: ""
results:
  - endpoint: e1
    arm: a1
    comparator: a2
    timepoint: d7
    direction: decrease
    significant: true
  - endpoint: e1
    significant: false
  - arm: a1
`;
  it('names every item by its id, details it, and selects the id', () => {
    const tree = outline(new ParseCache().parse(text)).map((n) => shape(text, n));
    assert.deepEqual(tree, [
      ['study', 'A trial', 'study', 'study:', 'study'],
      ['products', '', 'section', 'products:', 'products', [
        ['p1', 'Secretome · secretome', 'product', 'id: p1', 'p1'],
        ['(no id)', 'unnamed', 'product', 'name: unnamed', 'name: unnamed'],
      ]],
      ['arms', '', 'section', 'arms:', 'arms', [
        ['a1', 'Treated · experimental', 'arm', 'id: a1', 'a1'],
        ['(no id)', 'control', 'arm', 'role: control', 'role: control'],
      ]],
      ['timepoints', '', 'section', 'timepoints:', 'timepoints', [
        ['d0', 'Baseline', 'timepoint', 'id: d0', 'd0'],
        ['d7', '7 d', 'timepoint', 'id: d7', 'd7'],
        ['d9', '', 'timepoint', 'id: d9', 'd9'],
      ]],
      ['endpoints', '', 'section', 'endpoints:', 'endpoints', [
        ['e1', 'Pain · primary', 'endpoint', 'id: e1', 'e1', [
          ['d0', 'Baseline', 'timepoint', 'd0', 'd0'],
          ['d7', '7 d', 'timepoint', 'd7', 'd7'],
          ['d9', '', 'timepoint', 'd9', 'd9'],
          ['zz', '', 'timepoint', 'zz', 'zz'],
        ]],
        ['(empty)', '', 'endpoint', 'id: ""', '""'],
      ]],
      ['results', '', 'section', 'results:', 'results', [
        ['e1 · a1 vs a2 @ d7', 'decrease · significant', 'result', 'endpoint: e1', text.slice(text.indexOf('endpoint: e1'), text.indexOf('significant: true') + 17)],
        ['e1 · ?', 'not significant', 'result', 'endpoint: e1', 'endpoint: e1\n    significant: false'],
        ['? · a1', '', 'result', 'arm: a1', 'arm: a1'],
      ]],
    ]);
  });
  it('a section spans its whole block, and a study without a title has no detail', () => {
    const doc = 'study:\n  id: x\narms:\n  - id: a\n';
    const [study, arms] = outline(new ParseCache().parse(doc));
    assert.deepEqual([study?.detail, doc.slice(study?.start, study?.end)], ['', 'study:\n  id: x\n']);
    assert.equal(doc.slice(arms?.start, arms?.end), 'arms:\n  - id: a\n');
    assert.deepEqual(arms?.children.map((c) => doc.slice(c.start, c.end)), ['id: a\n']);
  });
  it('a section that is not a list has no children, and an empty document no nodes', () => {
    assert.deepEqual(outline(new ParseCache().parse('arms: none\n')).map((n) => [n.name, n.children.length]), [['arms', 0]]);
    assert.deepEqual(outline(new ParseCache().parse('')), []);
  });
});
