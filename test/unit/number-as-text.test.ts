// Numbers typed unquoted where the format wants text: read as the text written, in the fields the
// schema marks and only there; pointers and paths into the plain value; the bounded memo.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationSession } from '../../src/core';
import { memoize } from '../../src/core/memo';
import { parsePointer, toPointer, valueAt } from '../../src/core/value-path';

const value = (text: string) => new ValidationSession().run(text).parsed?.value as Record<string, Record<string, unknown>>;

describe('a number where the format wants text', () => {
  it('is the text as written in a marked field: leading zeros, a sign, a decimal point kept', () => {
    const v = value('study:\n  id: 0123\n  phase: 1.50\ncitation:\n  pmid: +32380908\n  pages: .5\n');
    assert.deepEqual([v.study?.id, v.study?.phase, v.citation?.pmid, v.citation?.pages], ['0123', '1.50', '+32380908', '.5']);
  });
  it('inside lists: an arm id, a reference to it, and the timepoints of an endpoint', () => {
    const v = value('arms:\n  - id: 2\nendpoints:\n  - id: 7\n    timepoints: [1, w4]\nresults:\n  - arm: 2\n    endpoint: 7\n') as unknown as Record<string, Record<string, unknown>[]>;
    assert.deepEqual([v.arms?.[0]?.id, v.endpoints?.[0]?.id, v.endpoints?.[0]?.timepoints, v.results?.[0]?.arm, v.results?.[0]?.endpoint], ['2', '7', ['1', 'w4'], '2', '7']);
  });
  it('stays a number in a field not marked, and keeps its value\'s text where it came from an alias or a tag', () => {
    const v = value('population:\n  counts:\n    planned: 040\nstudy:\n  id: &n 12\n  phase: !!int 3\ncitation:\n  pmid: *n\n');
    assert.deepEqual([v.population?.counts, v.study?.id, v.study?.phase, v.citation?.pmid], [{ planned: 40 }, '12', '3', '12']);
  });
});

describe('paths into the plain value', () => {
  it('JSON pointers escape ~ and / both ways; the empty pointer is the root', () => {
    assert.deepEqual(parsePointer('/a~1b/~0c/0'), ['a/b', '~c', '0']);
    assert.deepEqual(parsePointer(''), []);
    assert.equal(toPointer(['a/b', '~c', 0]), '/a~1b/~0c/0');
    assert.equal(toPointer([]), '');
    assert.deepEqual(parsePointer(toPointer(['~1', '/0'])), ['~1', '/0']);
  });
  it('a value is read through own keys and indexes only, and is undefined past a leaf', () => {
    const root = { a: [{ b: 1 }], n: null };
    assert.equal(valueAt(root, ['a', 0, 'b']), 1);
    assert.equal(valueAt(root, ['a', 0, 'b', 'c']), undefined);
    assert.equal(valueAt(root, ['n', 'x']), undefined);
    assert.equal(valueAt(root, ['toString']), undefined, 'not an inherited property');
    assert.equal(valueAt(root, ['a', 'length']), 1, 'an array\'s own length');
    assert.equal(valueAt(root, []), root);
  });
});

describe('the memo', () => {
  it('computes a key once, and empties itself when it reaches its bound', () => {
    const calls: string[] = [];
    const f = memoize((k) => (calls.push(k), k.length), 2);
    assert.deepEqual([f('a'), f('a'), f('bb'), f('a')], [1, 1, 2, 1]);
    assert.deepEqual(calls, ['a', 'bb']);
    f('ccc'); // the third key: the cache was full, so it starts again
    f('a');
    assert.deepEqual(calls, ['a', 'bb', 'ccc', 'a']);
  });
});
