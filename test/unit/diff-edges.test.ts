// The field-level diff's edges, on plain values: how list items are named (by id, by what a
// result is about, by place), where each side's value and the target of a missing one are, which
// lists are walked item by item, long-form quantities as one field, the quote found for a
// path, and the categories kappa counts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffStudies } from '../../src/core/agree/diff';
import type { Source } from '../../src/core/compare/types';
import type { PathSegment } from '../../src/core/value-path';

/** A side whose paths are found only where `found` says, each at a line of its path's length. */
const side = (study: Record<string, unknown>, found: (p: readonly PathSegment[]) => boolean = () => true) => ({
  study,
  at: (p: readonly PathSegment[]): Source | undefined => (found(p) ? { file: 'f', start: 0, end: 1, line: p.length, column: 1 } : undefined),
});
const diff = (l: Record<string, unknown>, r: Record<string, unknown>) => diffStudies(side(l), side(r));

describe('the diff on plain values', () => {
  it('names an item by its id, a result without one by what it is about, and anything else by its place', () => {
    const d = diff(
      { results: [{ endpoint: 'c3', arm: 'a', comparator: 'p', timepoint: 'd43', value: 1 }, { id: '7', value: 3 }], notes: [{ text: 'a', n: 1, k: 1 }] },
      { results: [{ endpoint: 'c3', arm: 'a', comparator: 'p', timepoint: 'd43', value: 9 }, { id: '7', value: 4 }], notes: [{ text: 'a', n: 2, k: 1 }] },
    );
    assert.deepEqual(d.differences.map((x) => [x.id, x.label]), [
      ['results.0.value', 'results › c3 · a · vs p · d43 › value'],
      ['results.7.value', 'results › 7 › value'],
      ['notes.0.n', 'notes › item 1 › n'],
    ]);
  });
  it('an item only the left has: its place on the left, nothing on the right, no target; only the right: its place on the right, appended to the left list', () => {
    const d = diff({ timepoints: [{ id: 'w4', at: '4 wk' }, { id: 'w8', at: '8 wk' }] }, { timepoints: [{ id: 'w4', at: '4 wk' }, { id: 'd3', at: '3 d' }] });
    assert.deepEqual(
      d.differences.map((x) => [x.id, x.label, x.left?.path, x.left?.text, x.right?.path, x.right?.text, x.target]),
      [
        ['timepoints.w8', 'timepoints › w8', ['timepoints', 1], '{ id: w8, at: 8 wk }', undefined, undefined, undefined],
        ['timepoints.d3', 'timepoints › d3', undefined, undefined, ['timepoints', 1], '{ id: d3, at: 3 d }', { path: ['timepoints'], append: true }],
      ],
    );
    const unnamed = diff({ conditions: [{ name: 'SLE' }] }, { conditions: [{ name: 'SLE' }, { name: 'RA' }] });
    assert.deepEqual(unnamed.differences.map((x) => [x.id, x.label]), [['conditions.right-1', 'conditions › right-1']]);
  });
  it('a field only the right has targets its place in the left file, set not appended', () => {
    const d = diff({ design: { allocation: 'randomized' } }, { design: { allocation: 'randomized', masking: { level: 'double' } } });
    assert.deepEqual(d.differences.map((x) => [x.id, x.left, x.right?.path, x.target]), [['design.masking', undefined, ['design', 'masking'], { path: ['design', 'masking'], append: false }]]);
  });
  it('walks a list item by item when either side has a mapping in it, and compares a list of words as a set', () => {
    const mixed = diff({ notes: ['a', 'b'] }, { notes: ['a', { text: 'b' }] });
    assert.deepEqual(mixed.differences.map((x) => x.id), ['notes.0', 'notes.1', 'notes.right-0', 'notes.right-1'], 'words are no items to pair: each side\'s own');
    const mixedLeft = diff({ notes: [{ text: 'b' }] }, { notes: ['b'] });
    assert.deepEqual(mixedLeft.differences.map((x) => x.id), ['notes.0', 'notes.right-0']);
    const words = diff({ tags: ['b', 'a'] }, { tags: ['a', 'b'] });
    assert.deepEqual([words.differences, words.fields.map((f) => [f.id, f.agree])], [[], [['tags', true]]]);
  });
  it('a long-form quantity on either side is one field, compared by value', () => {
    const d = diff({ dose: { value: 1.5, unit: 'mL' }, other: { value: 2, unit: 'mg' }, third: { value: 2, unit: 'mg', note: 'x' } }, { dose: '1500 uL', other: { value: 3, unit: 'mg' }, third: { value: 2000, unit: 'ug', note: 'y' } });
    assert.deepEqual(d.fields.map((f) => [f.id, f.agree]), [['dose', true], ['other', false], ['third', true]]);
  });
  it('does not compare as_reported, curation or evidence, nor an item\'s id, but compares an id key outside lists', () => {
    const d = diff({ curation: { curator: 'a' }, evidence: [], study: { id: 'x', as_reported: 'p' }, arms: [{ id: 'a', n: 1 }] }, { curation: { curator: 'b' }, evidence: [{ field: 'x' }], study: { id: 'y', as_reported: 'q' }, arms: [{ id: 'a', n: 1 }] });
    assert.deepEqual(d.fields.map((f) => [f.id, f.agree]), [['study.id', false], ['arms.a.n', true]]);
  });
  it('carries each side\'s source only where its path is found', () => {
    const d = diffStudies(side({ a: 1 }), side({ a: 2 }, () => false));
    assert.deepEqual([d.differences[0]?.left, d.differences[0]?.right], [{ text: '1', path: ['a'], source: { file: 'f', start: 0, end: 1, line: 1, column: 1 } }, { text: '2', path: ['a'] }]);
  });
});

describe('the quote behind a path', () => {
  it('is the deepest evidence entry whose field holds the path, with its location where it has one', () => {
    const study = (severity: string) => ({
      population: { severity, as_reported: 'said of the population' },
      evidence: [
        { field: 'population', quote: 'the population' },
        { field: 'population.severity', quote: 'moderate SLE', location: 'Methods' },
        { field: 'population.severity.more', quote: 'deeper than the path' },
        { field: 'population.age', quote: 'a sibling' },
        { quote: 'no field' },
        { field: 'population.severity' },
      ],
    });
    const d = diff(study('moderate'), { ...study('severe'), evidence: [{ field: 'population', quote: 'the whole population' }] });
    assert.deepEqual([d.differences[0]?.left?.quote, d.differences[0]?.left?.location, d.differences[0]?.left?.evidence], ['moderate SLE', 'Methods', true]);
    assert.deepEqual([d.differences[0]?.right?.quote, d.differences[0]?.right?.location, d.differences[0]?.right?.evidence], ['the whole population', undefined, true], 'a section\'s entry holds the fields inside it');
  });
  it('else the nearest as_reported above the path, up to its section, and not an evidence quote', () => {
    const d = diff({ population: { as_reported: 'section said', counts: { planned: 10 } } }, { population: { counts: { planned: 12, as_reported: 'twelve planned' } } });
    assert.deepEqual([d.differences[0]?.left?.quote, d.differences[0]?.left?.evidence, d.differences[0]?.right?.quote], ['section said', undefined, 'twelve planned']);
    assert.equal(diff({ population: { counts: { planned: 10 } } }, { population: { counts: { planned: 12 } } }).differences[0]?.left?.quote, undefined);
  });
});

describe('the categories kappa counts', () => {
  it('a categorical field\'s two values as normalised text, lists sorted, a missing side as (none); other fields none', () => {
    const d = diff({ study: { type: 'Randomized  controlled trial' }, arms: [{ id: 'a', interventions: [{ product: 'x', routes: ['iv', 'IM'] }] }], design: { allocation: 'randomized' } }, { study: { type: 'randomized controlled trial', phase: '2' }, arms: [{ id: 'a', interventions: [{ product: 'x', routes: ['im', 'IV', 'sc'] }] }], design: {} });
    assert.deepEqual(d.fields.map((f) => [f.id, f.categories]), [
      ['study.type', ['randomized controlled trial', 'randomized controlled trial']],
      ['study.phase', undefined],
      ['arms.a.interventions.0.product', undefined],
      ['arms.a.interventions.0.routes', ['im, iv', 'im, iv, sc']],
      ['design.allocation', ['randomized', '(none)']],
    ]);
  });
});
