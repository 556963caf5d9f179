import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { quickFixes, ValidationSession, type Problem, type ProblemCode, type TextEdit, type ValidationResult } from '../../src/core';
import { INVALID, read } from '../helpers/studies';

function apply(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

/**
 * The node a problem is about, in input offsets: the problem's own range for a replacing fix;
 * for a missing result, the endpoint item, to whose end the fix appends (its end included).
 */
function nodeOf(problem: Problem, result: ValidationResult): { start: number; end: number } {
  if (problem.code !== 'endpoint-missing-result') return problem;
  const item = result.parsed?.locate(['endpoints', problem.data.index]).value;
  assert.ok(item);
  return { start: item.start + result.shift, end: item.end + result.shift + 1 };
}

const FIXABLE: [ProblemCode, RegExp][] = [
  ['unit-synonym', /Write the UCUM code `wk`/],
  ['schema-enum', /Change to `intravenous`/],
  ['ref-unresolved', /Change to `cells`/],
  ['schema-unknown-property', /Rename to `route`/],
  ['endpoint-missing-result', /not_reported/],
  ['yaml-indentation', /^Indent `label` to column 5, with its siblings$/],
];

describe('quick fixes', () => {
  for (const [code, title] of FIXABLE) {
    for (const bom of ['', '\ufeff']) {
      it(`${code}${bom ? ' (with a BOM)' : ''}: one edit removes the problem and keeps every other byte`, () => {
        const text = bom + read(path.join(INVALID, `${code}.study.yaml`));
        const result = new ValidationSession().run(text);
        const problem = result.problems.find((p) => p.code === code);
        assert.ok(problem);
        const [fix] = quickFixes(problem, result);
        assert.ok(fix, `no fix for ${code}`);
        assert.match(fix.title, title);
        const fixed = apply(text, fix.edits);
        const after = new ValidationSession().run(fixed).problems;
        assert.deepEqual(after.filter((p) => p.severity !== 'info').map((p) => p.code), []);
        // One edit, inside the node the problem is about: a fix that rewrote more of the file would fail here.
        assert.equal(fix.edits.length, 1);
        const edit = fix.edits[0] as TextEdit;
        const node = nodeOf(problem, result);
        assert.ok(edit.start >= node.start && edit.end <= node.end, `edit ${edit.start}-${edit.end} outside ${node.start}-${node.end}`);
        assert.equal(fixed.slice(0, edit.start), text.slice(0, edit.start));
        assert.equal(fixed.slice(edit.start + edit.newText.length), text.slice(edit.end));
        assert.ok(fixed.includes(`# problem: ${code}`), 'the marker comment survives');
      });
    }
  }
  it('keeps quotes around a replaced value', () => {
    const text = read(path.join(INVALID, 'schema-enum.study.yaml')).replace('route: IV', 'route: "IV"');
    const result = new ValidationSession().run(text);
    const problem = result.problems.find((p) => p.code === 'schema-enum');
    assert.ok(problem);
    assert.equal(quickFixes(problem, result)[0]?.edits[0]?.newText, '"intravenous"');
  });
});
