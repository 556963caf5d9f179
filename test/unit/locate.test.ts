// Where a path is in the text: a file split into sections and runs of list items must give what
// a whole-file parse gives, for paths that exist and for those that do not (a missing key, an
// index past the end, negative or fractional, a key under a scalar). Problems are located this
// way, and a range one character off, or "found" when it is not, would go unseen elsewhere.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ParseCache } from '../../src/core/yaml/cache';
import type { Located } from '../../src/core/yaml/parsed-study';

const items = Array.from({ length: 45 }, (_, i) => `  - id: i${i}\n    n: ${i}\n`).join('');
const TEXT = `# leading comment\nstudy:\n  id: s\n  empty:\nitems:\n${items}other:\n  k: [1, 2]\n`;
const PATHS: (string | number)[][] = [
  [], ['study'], ['study', 'id'], ['study', 'empty'], ['nothing'], ['study', 'nothing'],
  ['items'], ['items', 0], ['items', 44], ['items', 45], ['items', -1], ['items', 1.5], ['items', 'x'],
  ['items', 3, 'id'], ['items', 3, 'nothing'], ['items', 3, 'id', 'deeper'], ['items', 40, 'n'],
  ['other', 'k', 1], ['other', 'k', 2], ['other', 'k', 'x'],
];

/** A located path with an absent key written as null (the whole parse sets `key: undefined`, the split leaves it out). */
const plain = (l: Located) => ({ key: l.key ?? null, value: l.value, found: l.found });

describe('locating a path', () => {
  const split = new ParseCache(true).parse(TEXT);
  const whole = new ParseCache(false).parse(TEXT);
  it('the text is split into sections and runs of items, and parsed whole for the reference', () => {
    assert.equal(split.split, true);
    assert.equal(whole.split, false);
  });
  for (const path of PATHS) {
    it(`${JSON.stringify(path)}: the same key, value range and "found" as a whole parse`, () => {
      assert.deepEqual(plain(split.locate(path)), plain(whole.locate(path)));
    });
  }
  it('exact ranges: an item, a key in an item, a key with no value, and what is not there', () => {
    const at = (path: (string | number)[]) => {
      const l = split.locate(path);
      return [l.key && TEXT.slice(l.key.start, l.key.end), TEXT.slice(l.value.start, l.value.end), l.found];
    };
    assert.deepEqual(at(['items', 3, 'id']), ['id', 'i3', true]);
    assert.deepEqual(at(['study', 'empty']), ['empty', '', true]);
    assert.deepEqual(at(['items', 45]), ['items', TEXT.slice(TEXT.indexOf('- id: i0'), TEXT.indexOf('other:')), false]);
    assert.deepEqual(at(['nothing'])[2], false);
  });
  it('top-level keys in text order, each at its key', () => {
    assert.deepEqual(split.topLevelKeys().map((k) => [k.key, TEXT.slice(k.span.start, k.span.end)]), [['study', 'study'], ['items', 'items'], ['other', 'other']]);
    assert.deepEqual(split.topLevelKeys(), whole.topLevelKeys());
  });
});

describe('a top-level key written twice, in a split file', () => {
  it('is one problem at the second key, naming it; the last one wins, as in a whole parse', () => {
    const text = `a: 1\nb:\n${items}a: 3\n`;
    const split = new ParseCache(true).parse(text);
    assert.equal(split.split, true);
    const dup = split.problems.filter((p) => p.code === 'yaml-duplicate-key');
    assert.deepEqual(dup.map((p) => [text.slice(p.start, p.end), p.start, p.message, p.data]), [
      ['a', text.lastIndexOf('a: 3'), 'The key `a` appears twice at the top level (first on an earlier line); keep one.', { yamlCode: 'DUPLICATE_KEY', key: 'a' }],
    ]);
    assert.equal((split.value as { a: number }).a, 3);
  });
});

describe('a file of one line with no line break', () => {
  it('a missing key is said on that line, whole or split', () => {
    for (const split of [true, false]) {
      const l = new ParseCache(split).parse('a: 1').locate(['b']);
      assert.deepEqual([l.value, l.found], [{ start: 0, end: 4 }, false], `split ${split}`);
    }
  });
});
