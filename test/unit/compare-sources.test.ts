// Where a comparison cell points: the value's own range, the key's when the value is empty, none
// for a path that is not there or a file that could not be parsed, and offsets past a BOM.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationSession } from '../../src/core';
import { interval } from '../../src/core/compare/interval';
import { sourcesOf } from '../../src/core/compare/source';

const sources = (text: string) => sourcesOf('f.study.yaml', new ValidationSession().run(text));

describe('the source of a compared value', () => {
  const text = 'study:\n  id: s1\n  title:\n  type: rct\n';

  it('is the value node, with its line and column (1-based)', () => {
    const at = sources(text)(['study', 'id']);
    assert.deepEqual(at, { file: 'f.study.yaml', start: 13, end: 15, line: 2, column: 7 });
    assert.equal(text.slice(13, 15), 's1');
  });

  it('is the key when the value is empty, so the cell still leads to its line', () => {
    const at = sources(text)(['study', 'title']);
    assert.equal(text.slice(at!.start, at!.end), 'title');
    assert.deepEqual([at!.line, at!.column], [3, 3]);
  });

  it('is nothing for a path the file does not hold', () => {
    assert.equal(sources(text)(['study', 'registration']), undefined);
    assert.equal(sources(text)(['arms', 0, 'id']), undefined);
  });

  it('counts the BOM the parse stripped, so offsets are the editor document\'s', () => {
    const at = sources(`\uFEFF${text}`)(['study', 'id']);
    assert.deepEqual([at!.start, at!.end, at!.line, at!.column], [14, 16, 2, 7]);
  });

  it('is nothing for any path of a file that could not be parsed at all', () => {
    const locate = sources('study:\n  id: s1\n\u0000\u0001binary');
    assert.equal(locate(['study', 'id']), undefined);
  });
});

describe('an interval as text', () => {
  it('reads negative bounds without a double hyphen', () => assert.equal(interval(-5, -2), '-5 to -2'));
  it('leaves a missing bound empty rather than printing undefined', () => {
    assert.equal(interval(undefined, 3), ' to 3');
    assert.equal(interval(1, null), '1 to ');
  });
});
