// The check under every verified edit (appliedSafely, and editsAreSafe for the CLI's fix), on
// its own: fixes.ts checks the written value again, so its refusals alone do not show that this
// one refuses.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { editsAreSafe, ValidationSession, type QuickFix } from '../../src/core';
import { appliedSafely } from '../../src/core/editor/verify';
import { INVALID, read } from '../helpers/studies';

const text = read(path.join(INVALID, 'schema-enum.study.yaml'));
const result = new ValidationSession().run(text);
const problem = result.problems.find((p) => p.code === 'schema-enum');
const replace = (find: string, by: string): QuickFix => {
  const start = text.indexOf(find);
  assert.ok(start >= 0, find);
  return { title: 'test', edits: [{ start, end: start + find.length, newText: by }], preferred: false };
};

describe('an edit applied and validated again', () => {
  it('passes when the problem is gone and no error is new, and returns both validations', () => {
    assert.ok(problem);
    const run = appliedSafely(replace('route: IV', 'route: intravenous'), problem, result);
    assert.ok(run);
    assert.ok(run.base.problems.some((p) => p.code === 'schema-enum'));
    assert.ok(!run.after.problems.some((p) => p.code === 'schema-enum'));
    assert.equal(run.after.parsed?.text.includes('route: intravenous'), true);
  });
  it('refuses an edit that leaves the problem it is for, but not one made for no problem', () => {
    assert.ok(problem);
    const comment = replace('route: IV', 'route: IV # checked');
    assert.equal(appliedSafely(comment, problem, result), undefined);
    assert.ok(appliedSafely(comment, undefined, result));
  });
  it('refuses an edit that adds an error, or leaves text that does not parse', () => {
    assert.equal(appliedSafely(replace('route: IV', 'route: intravenous\n        rout: x'), undefined, result), undefined);
    assert.equal(appliedSafely(replace('route: IV', 'route: [intravenous'), undefined, result), undefined);
    assert.equal(appliedSafely(replace('arms:', 'arms: &a\n  x: *b\n'), undefined, result), undefined);
  });
  it('a problem with the same code and another message is another problem', () => {
    assert.ok(problem);
    const other = { ...problem, message: `${problem.message} (another)` };
    assert.ok(appliedSafely(replace('route: IV', 'route: IV # checked'), other, result));
  });
  it('nothing without a parsed text', () => {
    const binary = new ValidationSession().run('\u0000\u0001binary');
    assert.equal(binary.parsed, undefined);
    assert.equal(appliedSafely({ title: 't', edits: [], preferred: false }, undefined, binary), undefined);
    assert.equal(editsAreSafe(binary, []), false);
  });
});

describe("the CLI's check of several edits at once", () => {
  it('true for edits that together add no error, false otherwise', () => {
    assert.equal(editsAreSafe(result, replace('route: IV', 'route: intravenous').edits), true);
    assert.equal(editsAreSafe(result, []), true);
    assert.equal(editsAreSafe(result, [...replace('route: IV', 'route: intravenous').edits, ...replace('arms:', 'arms: [').edits]), false);
  });
});
