// The "Acknowledge" quick fix: it writes the entry under curation.acknowledged that takes the
// problem out of the problems, inserts nothing else, and is offered only where it works.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quickFixes, ValidationSession, type Problem, type QuickFix, type TextEdit } from '../../src/core';
import { ACKNOWLEDGE_REASON } from '../../src/core/editor/acknowledge';
import { trial } from '../helpers/studies';

const NO_SAFETY = (b: string) => b.replace('    priority: safety\n    category: safety\n', '    category: efficacy\n');
const apply = (text: string, edits: readonly TextEdit[]) => [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);

function ackOf(text: string, code: string): { fix: QuickFix | undefined; problem: Problem } {
  const result = new ValidationSession().run(text);
  const problem = result.problems.find((p) => p.code === code);
  assert.ok(problem, `no ${code} in the text`);
  return { fix: quickFixes(problem, result).find((f) => f.title.startsWith('Acknowledge')), problem };
}

function assertAcknowledges(text: string, code: string, field: string): string {
  const { fix } = ackOf(text, code);
  assert.ok(fix, 'no acknowledge fix');
  assert.equal(fix.title, `Acknowledge \`${code}\` on ${field} (with a reason to complete)`);
  assert.equal(fix.preferred, false);
  assert.equal(fix.edits.length, 1);
  const edit = fix.edits[0] as TextEdit;
  assert.equal(edit.start, edit.end, 'an insertion, replacing nothing');
  const fixed = apply(text, fix.edits);
  const after = new ValidationSession().run(fixed);
  assert.deepEqual(after.problems.filter((p) => p.code === code || p.code === 'acknowledgement-stale'), []);
  assert.deepEqual(after.suppressed.filter((p) => p.code === code).map((p) => p.justification), [ACKNOWLEDGE_REASON]);
  assert.equal(after.problems.length, new ValidationSession().run(text).problems.length - 1, 'only that problem left the problems');
  return fixed;
}

describe('the Acknowledge quick fix', () => {
  it('adds curation.acknowledged after the last curation key, with the code, the field and a reason', () => {
    const text = trial(NO_SAFETY);
    const fixed = assertAcknowledges(text, 'safety-endpoint-missing', 'endpoints');
    assert.equal(fixed, `${text}  acknowledged:\n    - code: safety-endpoint-missing\n      field: endpoints\n      reason: ${ACKNOWLEDGE_REASON}\n`);
  });
  it('appends to an existing list at its indentation, and names list items by id', () => {
    const existing = '  acknowledged:\n  - code: safety-endpoint-missing\n    field: endpoints\n    reason: Registry lists none.\n';
    const text = trial((b) => NO_SAFETY(b).replace('dose: 1 10*6{cells}/kg', 'dose: 0 10*6{cells}/kg') + existing);
    const { problem } = ackOf(text, 'dose-not-positive');
    assert.equal(problem.severity, 'error');
    // An error gets no acknowledgement; a warning on a list item does, named by its id.
    assert.equal(ackOf(text, 'dose-not-positive').fix, undefined);
    const warned = trial((b) => NO_SAFETY(b).replace('    timepoints: [w4]\n', '') + existing);
    const fixed = assertAcknowledges(warned, 'endpoint-no-timepoint', 'endpoints.ae');
    assert.ok(fixed.endsWith(`${existing}  - code: endpoint-no-timepoint\n    field: endpoints.ae\n    reason: ${ACKNOWLEDGE_REASON}\n`));
  });
  it('keeps the line ends of a CRLF file and the bytes around the insertion', () => {
    const text = trial(NO_SAFETY).replace(/\n/g, '\r\n');
    const fixed = assertAcknowledges(text, 'safety-endpoint-missing', 'endpoints');
    assert.equal(fixed.slice(0, text.length), text);
    assert.ok(!/[^\r]\n/.test(fixed), 'every line ends in CRLF');
  });
  it('keeps a comment after the curation block where it was', () => {
    const text = `${trial(NO_SAFETY)}# end of file\n`;
    const fixed = assertAcknowledges(text, 'safety-endpoint-missing', 'endpoints');
    assert.ok(fixed.endsWith('# end of file\n'));
  });
  it('is not offered without a block curation section, or for a stale acknowledgement', () => {
    const noCuration = trial((b) => NO_SAFETY(b).replace(/curation:[\s\S]*$/, ''));
    assert.equal(ackOf(noCuration, 'safety-endpoint-missing').fix, undefined);
    const flow = trial((b) => NO_SAFETY(b).replace(/curation:[\s\S]*$/, 'curation: {curator: Test, date: 2026-11-22, status: draft, schema_version: 1.0.0}\n'));
    assert.equal(ackOf(flow, 'safety-endpoint-missing').fix, undefined, 'block lines after a flow mapping would break it');
    const stale = trial((b) => `${b}  acknowledged:\n    - code: dose-spread\n      field: arms\n      reason: Checked.\n`);
    assert.equal(ackOf(stale, 'acknowledgement-stale').fix, undefined);
  });
});
