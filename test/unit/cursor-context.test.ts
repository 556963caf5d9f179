// Where completion thinks the cursor is, pinned whole (kind, path, the replaced span, the keys
// already present and the indent) for the shapes a curator types, valid YAML or not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cursorContext } from '../../src/core';

type Expected = [kind: string, path: (string | number)[], replaced: string, siblings: string[], indent: number];
/** `|` marks the cursor; `replaced` is the text from replaceFrom to the cursor. */
function context(marked: string): Expected | undefined {
  const offset = marked.indexOf('|');
  const text = marked.replace('|', '');
  const c = cursorContext(text, offset);
  return c && [c.kind, c.path, text.slice(c.replaceFrom, offset), c.siblings, c.indent];
}

const CASES: [string, string, Expected | undefined][] = [
  ['siblings above and below, past blank lines and comments, stopping at the next section', 'study:\n  id: x\n\n  # note\n  ty|\n  title: t\n  # c\n\n  status: done\narms:\n  - id: a\n', ['key', ['study'], 'ty', ['id', 'title', 'status'], 2]],
  ['siblings of one list item only, not of the items before or after', 'arms:\n  - id: a\n    label: A\n  - id: b\n    ro|\n    label: B\n  - id: c\n', ['key', ['arms', 0], 'ro', ['id', 'label'], 4]],
  ['CRLF line endings', 'arms:\r\n  - id: a\r\n    ro|\r\n    label: B\r\n', ['key', ['arms', 0], 'ro', ['id', 'label'], 4]],
  ['a new item: only the keys below it, down to the next item', 'arms:\n  - id: a\n  - |\n    label: B\n  - id: c\n', ['key', ['arms', 0], '', ['label'], 4]],
  ['a list item with a space is a scalar item', 'keywords:\n  - sec ret|\n', ['item', ['keywords', 0], 'sec ret', [], 4]],
  ['a list of lists', 'x:\n  - - a|\n', ['key', ['x', 0, 0], 'a', [], 6]],
  ['an empty flow list', 'endpoints:\n  - id: e\n    timepoints: [|', ['item', ['endpoints', 0, 'timepoints', 0], '', [], 4]],
  ['a flow list item after a comma without a space', 'endpoints:\n  - id: e\n    timepoints: [a,b|', ['item', ['endpoints', 0, 'timepoints', 0], 'b', [], 4]],
  ['after a closed flow list: the value again', 'endpoints:\n  - id: e\n    timepoints: [a] |', ['value', ['endpoints', 0, 'timepoints'], '[a] ', [], 4]],
  ['a value in an item of a nested list', 'arms:\n  - id: a\n    interventions:\n      - route: intra|\n', ['value', ['arms', 0, 'interventions', 0, 'route'], 'intra', [], 8]],
  ['a # inside a word is not a comment', 'study:\n  id: a#b|', ['value', ['study', 'id'], 'a#b', [], 2]],
  ['a # after a space starts a comment', 'study:\n  id: a #b|', undefined],
  ['a colon inside what is typed, with no key before it', 'study:\n  http://x|', undefined],
  ['an empty line in a section', 'study:\n  |', ['key', ['study'], '', [], 2]],
  ['an empty document', '|', ['key', [], '', [], 0]],
  ['a top-level key after a section: the sections above are siblings', 'study:\n  id: x\nar|', ['key', [], 'ar', ['study'], 0]],
  ['under a key with no value yet', 'a:\n  b:\n    c: 1\n  d:\n    |\n', ['key', ['a', 'd'], '', [], 4]],
  ['keys deeper than the cursor are not siblings', 'a:\n  b:\n    c: 1\n  |\n  e: 2\n', ['key', ['a'], '', ['b', 'e'], 2]],
  ['a key on the next section is not a sibling', 'study:\n  id: x\n  |\nother: 1\n', ['key', ['study'], '', ['id'], 2]],
  ['a zero-indented list under its key', 'arms:\n- id: a\n  la|\n- id: b\n', ['key', ['arms', 0], 'la', ['id'], 2]],
  ['a comment line with a colon above does not open a key', 'study:\n  # id: x\n  |\n', ['key', ['study'], '', [], 2]],
  ['a dash followed by a comment opens an item', 'arms:\n  - # first arm\n    id: a\n    ro|\n', ['key', ['arms', 0], 'ro', ['id'], 4]],
  ['an item opened by a dash and a comment has no keys of the item before', 'arms:\n  - id: a\n    role: r\n  - # second\n    la|\n', ['key', ['arms', 0], 'la', [], 4]],
  ['a comment at column 0 inside a mapping does not end it, above or below', 'study:\n  id: x\n# c\n  ty|\n# d\n  title: t\n', ['key', ['study'], 'ty', ['id', 'title'], 2]],
  ['a list at its key\'s column above the cursor: the keys above it are still siblings', 'arms:\n  - id: a\n    tags:\n    - t1\n    ro|\n', ['key', ['arms', 0], 'ro', ['tags', 'id'], 4]],
  ['a list at its key\'s column below the cursor: the keys after it are still siblings', 'arms:\n  - id: a\n    |\n    interventions:\n    - product: p\n      dose: 1\n    label: L\n', ['key', ['arms', 0], '', ['id', 'interventions', 'label'], 4]],
  ['a top-level list at column 0 below the cursor', '|\narms:\n- id: a\nother: 1\n', ['key', [], '', ['arms', 'other'], 0]],
  ['a flow list inside a flow list', 'endpoints:\n  - id: e\n    timepoints: [a, [b|', ['item', ['endpoints', 0, 'timepoints', 0], 'b', [], 4]],
  ['a space after a flow item: a new word', 'endpoints:\n  - id: e\n    timepoints: [a, b |', ['item', ['endpoints', 0, 'timepoints', 0], '', [], 4]],
  ['a blank first line', '\nstudy:\n  id: x\n  |', ['key', ['study'], '', ['id'], 2]],
  ['several spaces after a dash: the key stands after them', 'arms:\n  -   id: a\n      ro|\n', ['key', ['arms', 0], 'ro', ['id'], 6]],
  ['a # at the start of the cursor line is a comment', 'study:\n#ro|', undefined],
  ['several spaces after a dash on the cursor line', 'arms:\n  -   ro|\n', ['key', ['arms', 0], 'ro', [], 6]],
  ['a dash at its key\'s column on the cursor line is an item of that key', 'arms:\n- ro|\n', ['key', ['arms', 0], 'ro', [], 2]],
  ['a flow list word of several letters is replaced whole', 'endpoints:\n  - id: e\n    timepoints: [a, w12|', ['item', ['endpoints', 0, 'timepoints', 0], 'w12', [], 4]],
  ['a line of spaces above does not end the mapping', 'study:\n  id: x\n \n  ty|', ['key', ['study'], 'ty', ['id'], 2]],
  ['a line of spaces below does not end the mapping', 'study:\n  ty|\n \n  id: x\n', ['key', ['study'], 'ty', ['id'], 2]],
  ['the cursor inside a word: the keys below are read from the next line', 'study:\n  ty|pexyz\n  id: a\n', ['key', ['study'], 'ty', ['id'], 2]],
  ['the last line without a line break, a key with no value yet', 'study:\n  ty|\n  id:', ['key', ['study'], 'ty', ['id'], 2]],
  ['keys of the next section at the same column are not siblings', 'study:\n  ty|\ndesign:\n  allocation: x\n', ['key', ['study'], 'ty', [], 2]],
  ['several spaces after a colon: the value starts after them', 'study:\n  id:   x|', ['value', ['study', 'id'], 'x', [], 2]],
];

describe('cursor context, exact', () => {
  for (const [name, marked, expected] of CASES) {
    it(name, () => assert.deepEqual(context(marked), expected));
  }
  it('CRLF line ends give the same context for every case', () => {
    for (const [name, marked, expected] of CASES) assert.deepEqual(context(marked.replace(/\n/g, '\r\n')), expected, name);
  });
  it('the line above a comment is still read when the comment line has a dash', () => {
    assert.deepEqual(context('arms:\n  # - id: x\n  - id: a\n    |\n'), ['key', ['arms', 0], '', ['id'], 4]);
  });
});
