// The comparison's secondary paths: which group an endpoint falls in (instrument before analyte
// before category before name), the timeline's and the effects' fallbacks, and sources after a
// byte-order mark.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildComparison, ValidationSession, type Comparison } from '../../src/core';
import { groupOf } from '../../src/core/compare/equivalence';
import { trial } from '../helpers/studies';

const compare = (files: Record<string, string>): Comparison => buildComparison(Object.entries(files).map(([file, text]) => ({ file, result: new ValidationSession().run(text) })));

describe('which group an endpoint falls in', () => {
  it('by instrument, then analyte, then category, then a fragment of the name, case and accents aside', () => {
    assert.equal(groupOf({ instrument: 'womac', analyte: 'C3', category: 'safety', name: 'SLEDAI' })?.id, 'pain-function');
    assert.equal(groupOf({ analyte: 'c3', category: 'safety', name: 'SLEDAI' })?.id, 'c3');
    assert.equal(groupOf({ category: 'Survival', name: 'SLEDAI' })?.id, 'survival');
    assert.equal(groupOf({ name: 'Change in SLEDAI score' })?.id, 'sle-activity');
    assert.equal(groupOf({ name: 'All-cause MORTALITY at day 28' })?.id, 'survival');
  });
  it('a safety-priority endpoint is an adverse-events endpoint whatever its category', () => {
    assert.equal(groupOf({ priority: 'safety', name: 'Tolerability' })?.id, 'adverse-events');
    assert.equal(groupOf({ priority: 'primary', name: 'Tolerability' }), undefined);
  });
  it('an instrument or analyte no group lists does not match by accident, and values that are not text are ignored', () => {
    assert.equal(groupOf({ instrument: 'SF-36', name: 'Quality of life' }), undefined);
    assert.equal(groupOf({ analyte: 'C3a', name: 'x' }), undefined);
    assert.equal(groupOf({ instrument: 3, analyte: ['C3'], name: 7 }), undefined);
  });
});

describe('timelines and effects, secondary paths', () => {
  const base = trial((b) =>
    b
      .replace('timepoints:\n  - id: w4\n    at: 4 wk\n', 'timepoints:\n  - id: w4\n    at: 4 wk\n  - label: window\n    at: 1-3 d\n  - id: inf\n    at: 1e999 d\n')
      .replace('    timepoints: [w4]\n', '    timepoints: [w4]\n    unit: "%"\n'),
  );
  it('a range counts from its start, a timepoint without an id is named by its index and labelled by its time, an infinite time is left out', () => {
    const c = compare({ 't.yaml': base });
    assert.deepEqual(c.timelines[0]?.points.map((p) => [p.id, p.label, p.days]), [['1', 'window', 1], ['w4', '4 wk', 28]]);
    assert.equal(c.timelines[0]?.trial, c.trials[0]?.id ?? 't.yaml');
  });
  it('an effect with a comparator, a range for its interval, a plain number and the unit of its endpoint', () => {
    const text = `${base}results:\n  - endpoint: ae\n    arm: treated\n    comparator: control\n    value: 5-9 %\n  - endpoint: ae\n    arm: treated\n    value: 4\n  - endpoint: nope\n    value: 2\n  - endpoint: ae\n    value: many\n`;
    const c = compare({ 't.yaml': text });
    assert.deepEqual(
      c.effects.map((e) => [e.group, e.groupLabel, e.label, e.statistic, e.unit, e.value, e.low, e.high, e.p]),
      [
        ['adverse-events', 'Adverse events', 'treated vs control', 'value', '%', 5, 5, 9, undefined],
        ['adverse-events', 'Adverse events', 'treated', 'value', '%', 4, undefined, undefined, undefined],
        ['endpoint:nope', 'nope', '', 'value', '', 2, undefined, undefined, undefined],
      ],
    );
    const lines = text.split('\n');
    assert.equal(lines[(c.effects[2]?.source?.line ?? 0) - 1], '  - endpoint: nope');
  });
});

describe('sources after a byte-order mark', () => {
  it('point into the text with the mark, at the same lines and columns', () => {
    const plain = compare({ 't.yaml': trial() });
    const marked = compare({ 't.yaml': `\ufeff${trial()}` });
    const sources = (c: Comparison) => c.overview.flatMap((r) => r.cells.map((cell) => cell.source)).filter((s) => s !== undefined);
    const a = sources(plain);
    const b = sources(marked);
    assert.ok(a.length > 5);
    assert.deepEqual(b.map((s) => [s.line, s.column, s.start - 1, s.end - 1]), a.map((s) => [s.line, s.column, s.start, s.end]));
  });
});
