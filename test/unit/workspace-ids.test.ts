// The workspace check of study ids, by message: who is named (three at most, then how many
// more), the data a fix reads, the range, and which files collide or pair.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { curatorKey, duplicateStudyIds, type StudyIdLocation } from '../../src/core/workspace';

const at = (id: string, extra: Partial<StudyIdLocation> = {}): StudyIdLocation => ({ id, start: 4, end: 6, line: 2, column: 3, endLine: 2, endColumn: 5, ...extra });
const found = (files: [string, StudyIdLocation | undefined][]) => duplicateStudyIds(new Map(files));

describe('duplicate study ids', () => {
  it('name up to three other files, then how many more, and carry the id and every other file', () => {
    const files: [string, StudyIdLocation][] = ['a', 'b', 'c', 'd', 'e'].map((k) => [k, at('s')]);
    const p = found(files).get('a')?.[0];
    assert.deepEqual(p, {
      code: 'study-id-duplicate',
      severity: 'error',
      message: 'The study id `s` is also used by b, c, d and 1 more; study ids must be unique across the workspace.',
      data: { id: 's', others: ['b', 'c', 'd', 'e'] },
      start: 4, end: 6, line: 2, column: 3, endLine: 2, endColumn: 5,
    });
    assert.equal(found(files.slice(0, 4)).get('a')?.[0]?.message, 'The study id `s` is also used by b, c, d; study ids must be unique across the workspace.');
  });
  it('leave single ids and files without an id alone', () => {
    assert.deepEqual([...found([['a', at('s')], ['b', at('t')], ['c', undefined]]).keys()], []);
  });
  it('pair two extractions by distinct curators, naming the other as the pair', () => {
    const out = found([['a', at('s', { curator: ' Ann ' })], ['b', at('s', { curator: 'Bo' })]]);
    assert.deepEqual(out.get('a')?.[0]?.message, 'b is another extraction of `s` by a different curator: a pair to reconcile ("Study Annotator: Reconcile Extractions"), not a duplicate.');
    assert.deepEqual([out.get('a')?.[0]?.severity, out.get('b')?.[0]?.data], ['info', { id: 's', others: ['a'] }]);
  });
  it('collide files of one curator, and files of no curator, beside a pair; a consensus settles the pair; two consensus files collide', () => {
    const codes = (files: [string, StudyIdLocation][]) => [...found(files)].map(([k, ps]) => `${k}:${ps.map((p) => p.code).join()}`).sort();
    assert.deepEqual(codes([['a', at('s', { curator: 'Ann' })], ['b', at('s', { curator: 'ann' })], ['c', at('s', { curator: 'Bo' })]]), ['a:study-id-duplicate', 'b:study-id-duplicate']);
    assert.deepEqual(codes([['a', at('s')], ['b', at('s', { curator: 'Bo' })]]), ['a:study-id-duplicate', 'b:study-id-duplicate'], 'a file without a curator is no extraction: no pair');
    assert.deepEqual(codes([['a', at('s', { curator: 'Ann' })], ['b', at('s', { curator: 'Bo' })], ['c', at('s')]]), ['a:study-id-duplicate', 'b:study-id-duplicate', 'c:study-id-duplicate']);
    assert.equal(found([['a', at('s', { curator: 'Ann' })], ['b', at('s', { curator: 'Bo' })], ['c', at('s')]]).get('c')?.[0]?.message, 'The study id `s` is also used by a, b; study ids must be unique across the workspace.');
    assert.deepEqual(codes([['a', at('s', { curator: 'Ann' })], ['b', at('s', { curator: 'Bo' })], ['c', at('s', { consensus: true })]]), []);
    assert.deepEqual(codes([['c', at('s', { consensus: true })], ['d', at('s', { consensus: true })]]), ['c:study-id-duplicate', 'd:study-id-duplicate']);
    assert.deepEqual(codes([['a', at('s')], ['c', at('s', { consensus: true })]]), [], 'one file without a curator beside its consensus');
    assert.deepEqual(codes([['a', at('s', { curator: 'Ann' })], ['c', at('s', { consensus: true })]]), [], 'one extraction beside its consensus');
  });
  it('read a curator\'s name whatever its case and spaces', () => {
    assert.deepEqual([curatorKey(' A. Rahman '), curatorKey('a. rahman'), curatorKey(undefined), curatorKey('')], ['a. rahman', 'a. rahman', '', '']);
  });
});
