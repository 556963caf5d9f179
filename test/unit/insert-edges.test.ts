// The insertion helpers under the fixes, called directly: every shape a list section or a
// mapping can be written in, where a new section goes, the file's own indentation and line
// ends, and the snippet text (placeholders, escapes, values YAML reads back as written).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits, ValidationSession, type Problem } from '../../src/core';
import { insertionFixes } from '../../src/core/editor/missing';
import { addKey, appendItems, lit, plain, yamlValue, type Entry } from '../../src/core/editor/insert';
import type { TextEdit } from '../../src/core/editor/fixes';
import { trial } from '../helpers/studies';

function parsed(text: string) {
  const doc = new ValidationSession().run(text).parsed;
  assert.ok(doc?.usable);
  return doc;
}
const after = (text: string, edit: TextEdit | undefined) => (edit ? applyEdits(text, [edit]) : undefined);
const append = (text: string, section: string, ...items: Entry[][]) => after(text, appendItems(parsed(text), section, items));
const key = (text: string, path: (string | number)[], entry: Entry) => after(text, addKey(parsed(text), path, entry));

describe('an item appended to a list section', () => {
  it('in block style, under the first item, with the dash and keys at its columns', () => {
    assert.equal(append('arms:\n  - id: a\n    role: b\n', 'arms', [['id', 'c'], ['role', 'd']]), 'arms:\n  - id: a\n    role: b\n  - id: c\n    role: d\n');
    assert.equal(append('arms:\n-   id: a\n    role: b\n', 'arms', [['id', 'c']]), 'arms:\n-   id: a\n    role: b\n-   id: c\n');
  });
  it('several items in one edit, in order', () => {
    assert.equal(append('arms:\n  - id: a\n', 'arms', [['id', 'b']], [['id', 'c']]), 'arms:\n  - id: a\n  - id: b\n  - id: c\n');
  });
  it('in flow style, before the bracket, with a comma only after an item', () => {
    assert.equal(append('study:\n  id: x\narms: []\n', 'arms', [['id', 'a'], ['role', 'b']], [['id', 'c']]), 'study:\n  id: x\narms: [{id: a, role: b}, {id: c}]\n');
    assert.equal(append('arms: [{id: a}]  # c\n', 'arms', [['id', 'b']]), 'arms: [{id: a}, {id: b}]  # c\n');
    assert.equal(append('arms: [{id: a},\n  {id: b}]\n', 'arms', [['id', 'c']]), 'arms: [{id: a},\n  {id: b}, {id: c}]\n');
  });
  it('nothing where the shape is not a list of block mappings, or nothing is asked', () => {
    for (const text of ['arms:\n  - {id: a}\n', 'arms: {a: 1}\n', 'arms:\n', 'arms:\n  - - id: a\n', 'arms:\n  - a\n'])
      assert.equal(append(text, 'arms', [['id', 'c']]), undefined, text);
    assert.equal(appendItems(parsed('arms:\n  - id: a\n'), 'arms', []), undefined);
  });
});

describe('a section created where the schema orders it', () => {
  it('before the first section (in the text) that the schema orders after it', () => {
    // curation stands at offset 97 and conclusions at 120: "120" sorts before "97" as text.
    const text = `study:\n  id: x\n  title: ${'t'.repeat(72)}\ncuration:\n  curator: T\nconclusions:\n  summary: s\n`;
    assert.equal(text.indexOf('curation:'), 97);
    assert.equal(append(text, 'results', [['endpoint', 'e']]), text.replace('curation:', 'results:\n  - endpoint: e\ncuration:'));
  });
  it('at the end when none follows it, with or without a final line end', () => {
    assert.equal(append('study:\n  id: x\n', 'results', [['endpoint', 'e'], ['arm', 'a']]), 'study:\n  id: x\nresults:\n  - endpoint: e\n    arm: a\n');
    assert.equal(append('study:\n  id: x', 'results', [['endpoint', 'e']]), 'study:\n  id: x\nresults:\n  - endpoint: e');
  });
  it("in the file's indentation step and line ends", () => {
    const four = trial().replace(/^( +)/gm, (m) => m + m);
    assert.match(append(four, 'results', [['endpoint', 'ae'], ['arm', 'treated']]) ?? '', /\nresults:\n {4}- endpoint: ae\n {6}arm: treated\ncuration:\n/);
    assert.equal(append('study:\r\n  id: x\r\n', 'results', [['endpoint', 'e']]), 'study:\r\n  id: x\r\nresults:\r\n  - endpoint: e\r\n');
    assert.equal(append('results: []\nstudy: x\n', 'arms', [['id', 'a']]), 'arms:\n  - id: a\nresults: []\nstudy: x\n', 'no indented line: a step of 2');
  });
  it('nothing for a section the schema does not have', () => {
    assert.equal(append('study:\n  id: x\n', 'nosuch', [['id', 'c']]), undefined);
  });
});

describe('a key added to a mapping', () => {
  it("on a line at its keys' column, also when the first key follows '- '", () => {
    assert.equal(key('arms:\n  - id: a\n    role: b\n', ['arms', 0], ['x', '1']), 'arms:\n  - id: a\n    role: b\n    x: 1\n');
    assert.equal(key('arms:\n  -   id: a\n      role: b\n', ['arms', 0], ['x', '1']), 'arms:\n  -   id: a\n      role: b\n      x: 1\n');
    assert.equal(key('study:\n  id: x\n', ['study'], ['x', '1']), 'study:\n  id: x\n  x: 1\n');
    assert.equal(key('study:\n    id: x', ['study'], ['x', '1']), 'study:\n    id: x\n    x: 1');
  });
  it("before a flow mapping's brace", () => {
    assert.equal(key('study: {id: x}  \n', ['study'], ['x', '1']), 'study: {id: x, x: 1}  \n');
  });
  it('nothing where the path is not a mapping, or its keys follow two dashes', () => {
    assert.equal(key('study:\n  id: x\n', ['nope'], ['x', '1']), undefined);
    assert.equal(key('study:\n  id: x\n', ['study', 'id'], ['x', '1']), undefined);
    assert.equal(key('arms:\n  - - id: a\n', ['arms', 0, 0], ['x', '1']), undefined);
  });
});

describe('snippet text', () => {
  it('tab stops read as nothing, defaults as their text, choices as their first option', () => {
    const cases: [string, string][] = [
      ['a$1b', 'ab'],
      ['$12b', 'b'],
      ['${1:dose}', 'dose'],
      ['${12:x}y', 'xy'],
      ['${1:a,b}', 'a,b'],
      ['${1|a,b|}z', 'az'],
      ['${1:ab', 'ab'],
    ];
    for (const [snippet, text] of cases) assert.equal(plain(snippet), text, snippet);
  });
  it('a dollar that starts no tab stop, and escapes, are text', () => {
    const cases: [string, string][] = [
      ['$x$1y', '$xy'],
      ['a${b}', 'a${b}'],
      ['x$', 'x$'],
      ['\\$1', '$1'],
      ['\\}', '}'],
      ['\\\\', '\\'],
      ['\\x', '\\x'],
      ['a\\', 'a\\'],
      ['${1:a\\}b}', 'a}b'],
      ['${1:a\\', 'a\\'],
    ];
    for (const [snippet, text] of cases) assert.equal(plain(snippet), text, snippet);
  });
  it('any text escaped as a literal reads back as itself', () => {
    assert.equal(lit('a$b}c\\d'), 'a\\$b\\}c\\\\d');
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('$', '}', '{', '\\', '1', ':', '|', ',', 'a') }), (s) => plain(lit(s)) === s));
  });
  it('values are plain only where YAML reads them back as the same string', () => {
    for (const t of ['Adverse events', '(a) b', 'x5', '5x', 'e5', 'yesterday', 'xno', 'a/b-c.d%']) assert.equal(yamlValue(t), t, t);
    for (const t of ['15', '1.5', '-1', '+2', '.5', '1e5', '1E-5', '1e+15', 'true', 'No', '~', 'null', 'a ', 'a: b', '#x', '[a]', ''])
      assert.equal(yamlValue(t), JSON.stringify(t), t);
  });
});

describe('insertion fixes for what is missing (insertionFixes called directly)', () => {
  const problem = (code: string, data: unknown) => ({ code, severity: 'warning', message: 'm', start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1, data }) as unknown as Problem;
  const arms = (roles: string[]) => `arms:\n${roles.map((r, i) => `  - id: a${i}\n    role: ${r}\n`).join('')}`;
  const endpoint = (timepoints: string) => `endpoints:\n  - id: e\n    name: E${timepoints}\n`;

  it('one result per arm, and no timepoint key when the endpoint names none', () => {
    const text = `${arms(['experimental'])}${endpoint('')}`;
    const fixes = insertionFixes(problem('endpoint-missing-result', { endpoint: 'e', priority: 'primary', index: 0 }), parsed(text), 0);
    assert.deepEqual(fixes.map((f) => f.title), ['Add a result for `e` (each arm)']);
    assert.equal(plain(fixes[0]?.edits[0]?.newText ?? ''), 'results:\n  - endpoint: e\n    arm: a0\n    as_reported: What the source reports\n');
    assert.equal(fixes[0]?.snippet, true);
    assert.equal(fixes[0]?.preferred, false);
  });
  it('arms without an id are left out, and a study without arms gets no skeleton', () => {
    const text = `arms:\n  - role: experimental\n  - id: b\n    role: experimental\n${endpoint('\n    timepoints: [w1, w2]')}`;
    const [fix] = insertionFixes(problem('endpoint-missing-result', { endpoint: 'e', priority: 'primary', index: 0 }), parsed(text), 0);
    assert.equal(fix?.title, 'Add 2 results for `e` (each arm at each timepoint)');
    assert.doesNotMatch(fix?.edits[0]?.newText ?? '', /arm: (?!b\n)/);
    assert.deepEqual(insertionFixes(problem('endpoint-missing-result', { endpoint: 'e', priority: 'primary', index: 0 }), parsed(endpoint('')), 0), []);
  });
  it('comparisons only where one experimental arm meets one comparator, one per timepoint', () => {
    const p = problem('endpoint-missing-result', { endpoint: 'e', priority: 'primary', index: 0 });
    const titles = (roles: string[], tps: string) => insertionFixes(p, parsed(`${arms(roles)}${endpoint(tps)}`), 0).map((f) => f.title);
    assert.deepEqual(titles(['experimental', 'placebo comparator'], ''), ['Add 2 results for `e` (each arm)', 'Add a comparison of `a0` with `a1` for `e`']);
    assert.deepEqual(titles(['experimental', 'placebo comparator'], '\n    timepoints: [w1, w2]'), ['Add 4 results for `e` (each arm at each timepoint)', 'Add 2 comparisons of `a0` with `a1` for `e`']);
    assert.deepEqual(titles(['experimental', 'experimental', 'placebo comparator'], ''), ['Add 3 results for `e` (each arm)']);
    assert.deepEqual(titles(['experimental', 'placebo comparator', 'active comparator'], ''), ['Add 3 results for `e` (each arm)']);
  });
  it('a free id: the base, then -2, -3 … past every id taken', () => {
    const safety = problem('safety-endpoint-missing', {});
    const ids = (text: string) => insertionFixes(safety, parsed(text), 0).map((f) => /id: ([\w-]+)\n {4}name: Adverse events/.exec(plain(f.edits[0]?.newText ?? ''))?.[1]);
    assert.deepEqual(ids(endpoint('')), ['adverse-events']);
    assert.deepEqual(ids(`endpoints:\n  - id: adverse-events\n  - id: adverse-events-2\n`), ['adverse-events-3']);
  });
  it('an expected endpoint in the safety category is given safety priority; others only their category', () => {
    const expected = (category: string) => problem('profile-endpoint-missing', { profile: 'p', expected: 'x', label: 'X', endpoint: { name: 'Adverse events', category } });
    const [safety] = insertionFixes(expected('safety'), parsed(endpoint('')), 0);
    assert.match(plain(safety?.edits[0]?.newText ?? ''), /- id: x\n {4}name: Adverse events\n {4}category: safety\n {4}priority: safety\n$/);
    const [efficacy] = insertionFixes(expected('efficacy'), parsed(endpoint('')), 0);
    assert.match(plain(efficacy?.edits[0]?.newText ?? ''), /- id: x\n {4}name: Adverse events\n {4}category: efficacy\n$/);
    const bare = problem('profile-endpoint-missing', { profile: 'p', expected: 'x', label: 'X', endpoint: { name: 'Anything' } });
    assert.match(plain(insertionFixes(bare, parsed(endpoint('')), 0)[0]?.edits[0]?.newText ?? ''), /- id: x\n {4}name: Anything\n$/);
  });
  it('a timepoint to assess, one fix per declared timepoint', () => {
    const text = `timepoints:\n  - id: w1\n  - at: 2 d\n  - id: w2\n${endpoint('')}`;
    assert.deepEqual(insertionFixes(problem('endpoint-no-timepoint', { endpoint: 'e', index: 0 }), parsed(text), 0).map((f) => f.title), ['Assess `e` at timepoint `w1`', 'Assess `e` at timepoint `w2`']);
  });
  it('a reference of a kind with no list to declare it in gets nothing', () => {
    assert.deepEqual(insertionFixes(problem('ref-unresolved', { kind: 'condition', id: 'x', known: [], suggestion: null, pointer: '' }), parsed(endpoint('')), 0), []);
    assert.deepEqual(insertionFixes(problem('schema-enum', {}), parsed(endpoint('')), 0), []);
  });
});
