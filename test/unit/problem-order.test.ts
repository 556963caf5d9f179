// The small rules every report shares: the order problems are listed in, severity thresholds,
// counts per severity and plural words.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { atLeast, compareProblems, plural, severityCounts, SEVERITY_RANK, type Problem } from '../../src/core/problem';

const p = (start: number, end: number, severity: Problem['severity'], code: string) => ({ start, end, severity, code, line: 1, column: 1, endLine: 1, endColumn: 1, message: '', data: {} }) as unknown as Problem;

describe('problems in order', () => {
  it('by start, then end, then severity (errors first), then code', () => {
    const list = [p(5, 9, 'info', 'b'), p(5, 9, 'info', 'a'), p(5, 9, 'error', 'z'), p(5, 6, 'warning', 'y'), p(2, 20, 'info', 'x'), p(5, 9, 'warning', 'a')];
    assert.deepEqual([...list].sort(compareProblems).map((x) => `${x.start}-${x.end} ${x.severity} ${x.code}`), ['2-20 info x', '5-6 warning y', '5-9 error z', '5-9 warning a', '5-9 info a', '5-9 info b']);
    assert.equal(compareProblems(p(1, 2, 'error', 'a'), p(1, 2, 'error', 'a')), 0);
  });
});

describe('severity', () => {
  it('ranks error, warning, info; a threshold takes its own severity and the more severe', () => {
    assert.deepEqual(SEVERITY_RANK, { error: 0, warning: 1, info: 2 });
    assert.deepEqual(
      (['error', 'warning', 'info'] as const).map((threshold) => (['error', 'warning', 'info'] as const).filter((s) => atLeast(s, threshold))),
      [['error'], ['error', 'warning'], ['error', 'warning', 'info']],
    );
  });
  it('counts problems per severity, zero where there are none', () => {
    assert.deepEqual(severityCounts([]), { error: 0, warning: 0, info: 0 });
    assert.deepEqual(severityCounts([{ severity: 'info' }, { severity: 'error' }, { severity: 'info' }]), { error: 1, warning: 0, info: 2 });
  });
  it('says one in the singular, anything else in the plural, or the plural given', () => {
    assert.deepEqual([plural(0, 'file'), plural(1, 'file'), plural(2, 'file'), plural(2, 'analysis', 'analyses'), plural(1, 'analysis', 'analyses')], ['0 files', '1 file', '2 files', '2 analyses', '1 analysis']);
  });
});
