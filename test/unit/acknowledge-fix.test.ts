// The "Acknowledge" quick fix: it writes the entry under curation.acknowledged that takes the
// problem out of the problems, inserts nothing else, and is offered only where it works.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quickFixes, ValidationSession, type Problem, type QuickFix, type TextEdit } from '../../src/core';
import { ACKNOWLEDGE_REASON, acknowledgeFix } from '../../src/core/editor/acknowledge';
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

describe('the field an acknowledgement names, and where it can be written (acknowledgeFix called directly)', () => {
  /** A problem of `severity` and `code` over `needle` (its first occurrence, or `length` characters of it). */
  function direct(text: string, needle: string, options: { length?: number; severity?: Problem['severity']; code?: string } = {}): { title: string; fixed: string } | undefined {
    const doc = new ValidationSession().run(text).parsed;
    assert.ok(doc);
    const start = text.indexOf(needle);
    assert.ok(start >= 0, needle);
    const problem = { code: options.code ?? 'dose-spread', severity: options.severity ?? 'warning', message: 'm', start, end: start + (options.length ?? needle.length), line: 1, column: 1, endLine: 1, endColumn: 1, data: {} } as unknown as Problem;
    const fix = acknowledgeFix(problem, doc, 0);
    return fix && { title: fix.title, fixed: apply(text, fix.edits) };
  }
  const field = (text: string, needle: string, length?: number) => /on (\S+) \(/.exec(direct(text, needle, { length })?.title ?? '')?.[1];
  const t = trial();

  it('the innermost field, list items by their id; a problem on an id names its item', () => {
    assert.equal(field(t, 'intravenous'), 'arms.treated.interventions.0.route');
    assert.equal(field(t, 'treated'), 'arms.treated');
    assert.equal(field(t, 'id: treated'), 'arms.treated');
    assert.equal(field(t, 'test-trial'), 'study');
    assert.equal(field(t, 'study:', 3), 'study', 'the key alone');
  });
  it('an item whose id has a dot, or is not text, by its index', () => {
    assert.equal(field(t.replace('id: treated', 'id: a.b'), 'intravenous'), 'arms.0.interventions.0.route');
    assert.equal(field(t.replace('id: treated', 'id: [7]'), 'intravenous'), 'arms.0.interventions.0.route');
  });
  it('a top-level key named id is kept as the field', () => {
    assert.equal(field('id: x\ncuration:\n  curator: T\n', 'x'), 'id');
  });
  it('nothing for an error, a spelling, a stale acknowledgement, or a range outside every field', () => {
    assert.equal(direct(t, 'intravenous', { severity: 'error' }), undefined);
    assert.equal(direct(t, 'intravenous', { code: 'unit-synonym' }), undefined);
    assert.equal(direct(t, 'intravenous', { code: 'acknowledgement-stale' }), undefined);
    assert.ok(direct(t, 'intravenous', { severity: 'info' }));
    assert.equal(direct(t, 'study:', { length: 200 }), undefined, 'a range over several sections');
  });
  it('nothing without a block curation, or with an empty acknowledged list', () => {
    assert.equal(direct(t.replace(/curation:[\s\S]*/, ''), 'intravenous'), undefined);
    assert.equal(direct(t.replace(/curation:[\s\S]*/, 'curation: {curator: T, date: 2026-11-22, status: draft, schema_version: 1.0.0}\n'), 'intravenous'), undefined);
    assert.equal(direct(t.replace('schema_version: 1.0.0\n', 'schema_version: 1.0.0\n  acknowledged: []\n'), 'intravenous'), undefined);
  });
  it('a curation that ends the file without a line end gets one before the new key', () => {
    const text = t.trimEnd();
    assert.equal(direct(text, 'intravenous')?.fixed, `${text}\n  acknowledged:\n    - code: dose-spread\n      field: arms.treated.interventions.0.route\n      reason: ${ACKNOWLEDGE_REASON}`);
  });
  it("an entry appended under the list's own dash column", () => {
    const text = t.replace('schema_version: 1.0.0\n', 'schema_version: 1.0.0\n  acknowledged:\n  - code: dose-spread\n    field: x\n    reason: r\n');
    assert.equal(direct(text, 'intravenous')?.fixed, `${text}  - code: dose-spread\n    field: arms.treated.interventions.0.route\n    reason: ${ACKNOWLEDGE_REASON}\n`);
  });
});
