// How a file is split into sections and runs of list items, read from layoutOf directly: a split
// that falls back to a whole parse, or cuts elsewhere, still gives the same problems, so only
// the layout itself shows it. Each case pins what is a section, what is parsed whole (null),
// and when a long list is cut into items.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layoutOf } from '../../src/core/yaml/layout';

/** Each section as [key, its text, its header line]; null when the file is parsed whole. */
const sections = (text: string) => layoutOf(text)?.map((s) => [s.key, text.slice(s.start, s.end), text.slice(s.start, s.headerEnd)]) ?? null;
/** The item runs of a section: how many items each holds, and whether they cover its items exactly. */
const itemsOf = (text: string, key = 'items') => layoutOf(text)?.find((s) => s.key === key)?.items;
const list = (n: number, item = (i: number) => `  - id: i${i}\n`) => Array.from({ length: n }, (_, i) => item(i)).join('');

describe('sections', () => {
  it('one per top-level key, each to the next, with its header line', () => {
    assert.deepEqual(sections('a: 1\nb:\n  c: 2\n'), [['a', 'a: 1\n', 'a: 1'], ['b', 'b:\n  c: 2\n', 'b:']]);
  });
  it('a header ends before its CR; blank lines, CR-only lines and column-0 comments stay in the open section', () => {
    assert.deepEqual(sections('a: 1\r\n\r\n# c\r\nb: 2\r\n'), [['a', 'a: 1\r\n\r\n# c\r\n', 'a: 1'], ['b', 'b: 2\r\n', 'b: 2']]);
    assert.deepEqual(sections('a: 1\n\nb: 2\n'), [['a', 'a: 1\n\n', 'a: 1'], ['b', 'b: 2\n', 'b: 2']]);
    assert.deepEqual(sections('a:\n\tx\n'), [['a', 'a:\n\tx\n', 'a:']]);
  });
  it('spaces before the colon, and a last key with no line break after it', () => {
    assert.deepEqual(sections('a  : 1\nb:'), [['a', 'a  : 1\n', 'a  : 1'], ['b', 'b:', 'b:']]);
  });
  it('blank lines and comments before the first key are allowed; other indented text is not', () => {
    assert.deepEqual(sections('# c\n\n  # d\na: 1\n'), [['a', 'a: 1\n', 'a: 1']]);
    assert.equal(sections('  x: 1\na: 1\n'), null);
    assert.equal(sections('\tx\na: 1\n'), null);
  });
  it('a dash item at column 0 belongs to the open section; one before any section, or a dash without a space, is parsed whole', () => {
    assert.deepEqual(sections('a:\n- 1\n-\n  x\n- 2\r\nb: 3\n'), [['a', 'a:\n- 1\n-\n  x\n- 2\r\n', 'a:'], ['b', 'b: 3\n', 'b: 3']]);
    assert.equal(sections('- 1\na: 2\n'), null);
    assert.equal(sections('a:\n-x\n'), null);
  });
  it('anchors, aliases, document markers, directives and top-level text are parsed whole', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: [*x]\n', '---\na: 1\n', '%YAML 1.2\n---\na: 1\n', 'a: 1\njust text\n']) assert.equal(sections(text), null, text);
  });
});

describe('list items', () => {
  it('a list of 40 lines or more, and two items or more, is cut into runs covering every item', () => {
    const text = `items:\n${list(40)}other: 1\n`;
    const runs = itemsOf(text);
    assert.ok(runs);
    assert.equal(runs.reduce((n, r) => n + r.count, 0), 40);
    assert.equal(runs[0]?.start, text.indexOf('  - id: i0'));
    assert.equal(runs.at(-1)?.end, text.indexOf('other:'));
    assert.equal(itemsOf(`items:\n${list(39)}`), undefined, '39 lines');
    assert.equal(itemsOf(`items:\n  - id: one\n${list(45, (i) => `    k${i}: 1\n`)}`), undefined, 'one long item');
  });
  it('the last section\'s list with no line break at its end: its last item runs to the end', () => {
    const text = `items:\n${list(45)}  - id: last`;
    const runs = itemsOf(text);
    assert.equal(runs?.reduce((n, r) => n + r.count, 0), 46);
    assert.equal(runs?.at(-1)?.end, text.length);
  });
  it('blank lines, lines of spaces, comments and CRLF inside the list keep the item open', () => {
    const text = `items:\r\n${list(45, (i) => `  - id: i${i}\r\n\r\n   \r\n# c\r\n    # d\r\n`)}`;
    assert.equal(itemsOf(text)?.reduce((n, r) => n + r.count, 0), 45);
  });
  it('a header with a comment or spaces before its colon is still a list\'s header; one with a value or a tag is not', () => {
    assert.equal(itemsOf(`items: # the results\n${list(45)}`)?.reduce((n, r) => n + r.count, 0), 45);
    assert.equal(itemsOf(`items  :\n${list(45)}`)?.reduce((n, r) => n + r.count, 0), 45);
    assert.equal(itemsOf(`items: !!seq\n${list(45)}`), undefined);
  });
  it('a dash alone on its line opens an item; a dash without a space does not', () => {
    assert.equal(itemsOf(`items:\n${list(45, (i) => `  -\n    id: i${i}\n`)}`)?.reduce((n, r) => n + r.count, 0), 45);
    assert.equal(itemsOf(`items:\n${list(45)}  -x\n`), undefined);
  });
  it('is not cut where the list is not plain: a tab, a mapping, text left of the items or a key at their column', () => {
    assert.equal(itemsOf(`items:\n${list(45)}\t- id: t\n`), undefined);
    assert.equal(itemsOf(`items:\n${list(45)}    \tnote: x\n`), undefined);
    assert.equal(itemsOf(`items:\n${list(45, (i) => `  k${i}: 1\n`)}`), undefined);
    assert.equal(itemsOf(`items:\n${list(45)} x\n`), undefined);
    assert.equal(itemsOf(`items:\n${list(45)}  k: 1\n`), undefined);
  });
  it('an item of more than 512 characters ends its run', () => {
    const text = `items:\n${list(20)}  - id: long\n    notes: ${'x'.repeat(600)}\n${list(20, (i) => `  - id: j${i}\n`)}`;
    const runs = itemsOf(text);
    const long = runs?.find((r) => text.slice(r.start, r.end).includes('id: long'));
    assert.ok(long);
    assert.ok(text.slice(long.start, long.end).endsWith(`${'x'.repeat(600)}\n`), 'the run ends after the long item');
  });
});
