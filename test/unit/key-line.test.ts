// One line of block YAML read without a parser (completion and hover both read keys this way):
// its indentation, its list dashes, and its key, quoted or plain, with where the key and its
// value start.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readKeyLine } from '../../src/core/yaml/key-line';

const CASES: [line: string, indent: number, dashes: string, key: [name: string, start: number, end: number, valueStart: number] | undefined][] = [
  ['  route: iv', 2, '', ['route', 2, 7, 9]],
  ['  - - id: a', 2, '- - ', ['id', 6, 8, 10]],
  ['  "two words": x', 2, '', ['two words', 2, 13, 15]],
  ["  'it''s': x", 2, '', ["it's", 2, 9, 11]],
  ["'ab': x", 0, '', ['ab', 0, 4, 6]],
  ['"ab":', 0, '', ['ab', 0, 4, 5]],
  ['a"b": 1', 0, '', ['a"b"', 0, 4, 6]],
  ['key  : v', 0, '', ['key', 0, 3, 7]],
  ['  http://x', 2, '', undefined],
  ['  # k: v', 2, '', undefined],
  ['-   ', 0, '-   ', undefined],
];

describe('a key line', () => {
  for (const [line, indent, dashes, key] of CASES) {
    it(JSON.stringify(line), () => {
      const r = readKeyLine(line);
      assert.deepEqual([r.indent, r.dashes, r.key && [r.key.name, r.key.start, r.key.end, r.key.valueStart]], [indent, dashes, key]);
    });
  }
});
