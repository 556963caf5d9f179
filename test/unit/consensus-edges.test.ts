// The consensus file's edges: who is recorded for each kind of decision, edited values that are
// empty or not YAML, a reference taken alone from the right (in the left names), extractions
// without a date, a left file whose curation is not a mapping, and a section appended to a file
// without a final line break.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationSession, validate } from '../../src/core';
import { writeConsensus, type Decision } from '../../src/core/agree/consensus';
import { diffExtractions, extractionInfo } from '../../src/core/agree/pairs';
import { trial } from '../helpers/studies';

const input = (file: string, text: string) => ({ file, result: new ValidationSession().run(text) });
const ARMS = (placebo: string, comparator: string) => (t: string) =>
  t.replace('arms:\n', `arms:\n  - id: ${placebo}\n    role: placebo comparator\n`).replace('curation:', `results:\n  - endpoint: ae\n    arm: treated\n${comparator}    timepoint: w4\n    statistic: count\n    value: 1 {events}\ncuration:`);
const LEFT = trial(ARMS('placebo', ''));
const RIGHT = trial((t) => ARMS('pbo', '    comparator: pbo\n')(t).replace('curator: Test', 'curator: Other').replace('  allocation: non-randomized\n', '  allocation: randomized\n'));

function consensus(decisions: Record<string, Decision>, leftText = LEFT, rightText = RIGHT, left = extractionInfo(input('l.yaml', leftText)), right = extractionInfo(input('r.yaml', rightText))) {
  const d = diffExtractions(input('l.yaml', leftText), input('r.yaml', rightText));
  return { ids: d.differences.map((x) => x.id), ...writeConsensus({ leftText, rightText, left, right, differences: d.differences, renames: d.renames, decisions, curator: 'Team', date: '2026-12-01' }) };
}

describe('the consensus file\'s edges', () => {
  it('finds the two differences: the result\'s arm (the placebo arm under another id) and the allocation', () => {
    assert.deepEqual(consensus({}).ids, ['design.allocation', 'results.0.comparator']);
  });
  it('a reference taken alone from the right is written in the left names', () => {
    const out = consensus({ 'results.0.comparator': { taken: 'right' } });
    assert.match(out.text, /- endpoint: ae\n {4}arm: treated\n {4}timepoint: w4\n {4}statistic: count\n {4}value: 1 \{events\}\n {4}comparator: placebo\n/);
    assert.deepEqual(validate(out.text).filter((p) => p.severity === 'error'), []);
  });
  it('records the left curator for the left, the right curator for the right, and no curator for an edited value', () => {
    const out = consensus({ 'design.allocation': { taken: 'edited', value: 'randomized' }, 'results.0.comparator': { taken: 'left' } });
    assert.match(out.text, /\n {2}reconciliation:\n {4}- field: design\.allocation\n {6}taken: edited\n {4}- field: results\.0\.comparator\n {6}taken: left\n {6}curator: Test\n/);
    assert.match(out.text, /\n {2}allocation: randomized\n/);
    const right = consensus({ 'design.allocation': { taken: 'right' } });
    assert.match(right.text, /- field: design\.allocation\n {6}taken: right\n {6}curator: Other\n/);
  });
  it('refuses an edited value that is empty, or not YAML, with the reason on one line', () => {
    const out = consensus({ 'design.allocation': { taken: 'edited', value: '' }, 'results.0.comparator': { taken: 'edited', value: 'a: b: c' } });
    assert.deepEqual(out.refused.map((r) => r.id), ['design.allocation', 'results.0.comparator']);
    assert.equal(out.refused[0]?.reason, 'the value is empty');
    assert.ok(out.refused[1]?.reason && !out.refused[1].reason.includes('\n') && out.refused[1].reason !== 'the value is empty', out.refused[1]?.reason);
    assert.doesNotMatch(out.text, /reconciliation:/);
  });
  it('lists an extraction without a date by file and curator only', () => {
    const out = consensus({}, LEFT, RIGHT, { file: 'l.yaml', curator: 'Test', date: '' }, { file: 'r.yaml', curator: 'Other', date: '2026-11-30' });
    assert.match(out.text, /\n {2}extractions:\n {4}- file: l\.yaml\n {6}curator: Test\n {4}- file: r\.yaml\n {6}curator: Other\n {6}date: 2026-11-30\n/);
  });
  it('makes a curation that is not a mapping into one', () => {
    const left = LEFT.replace(/curation:\n(  .*\n)+$/, 'curation: draft\n');
    const out = consensus({}, left);
    assert.match(out.text, /\ncuration:\n {2}curator: Team\n {2}date: 2026-12-01\n {2}status: in review\n {2}extractions:\n/);
  });
  it('appends a section only the right has after a left file without a final line break, one blank line between', () => {
    const left = LEFT.replace(/\n$/, '');
    const right = RIGHT.replace('curation:', 'conclusions:\n  authors: Safe.\ncuration:');
    const out = consensus({ conclusions: { taken: 'right' } }, left, right);
    assert.match(out.text, /\n {6}taken: right\n {6}curator: Other\n\nconclusions:\n {2}authors: Safe\.\n$/);
    assert.ok(out.text.startsWith('study:\n'), 'nothing is added before the first section');
  });
  it('deletes several items of several lists, taken from the right, without one deletion shifting another', () => {
    const left = LEFT.replace('timepoints:\n  - id: w4\n    at: 4 wk\n', 'timepoints:\n  - id: w1\n    at: 1 wk\n  - id: w2\n    at: 2 wk\n  - id: w4\n    at: 4 wk\n  - id: w8\n    at: 8 wk\n')
      .replace('endpoints:\n', 'endpoints:\n  - id: e2\n    name: Second\n    timepoints: [w1]\n  - id: e3\n    name: Third\n    timepoints: [w2]\n');
    const d = diffExtractions(input('l.yaml', left), input('r.yaml', RIGHT));
    const deletions = d.differences.filter((x) => x.left && !x.right).map((x) => x.id);
    assert.deepEqual(deletions, ['timepoints.w1', 'timepoints.w2', 'timepoints.w8', 'endpoints.e2', 'endpoints.e3']);
    const out = consensus(Object.fromEntries(deletions.map((id) => [id, { taken: 'right' } as Decision])), left);
    assert.match(out.text, /\ntimepoints:\n {2}- id: w4\n {4}at: 4 wk\nendpoints:\n {2}- id: ae\n {4}name: Adverse events\n/);
  });
});
