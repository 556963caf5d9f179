/**
 * The check every quick fix passes before it is offered (verifyFix) refuses fixes that are wrong
 * on purpose: one that leaves the problem, adds an error, breaks the YAML, or removes the
 * problem by writing something other than what its title promises.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { quickFixes, ValidationSession, verifyFix, type Problem, type QuickFix, type ValidationResult } from '../../src/core';
import { INVALID, read } from '../helpers/studies';

const example = (code: string) => read(path.join(INVALID, `${code}.study.yaml`));

/** The text's one problem with `code`, its validation, and a fix replacing `find` (the n-th) with `by`. */
function setup(text: string, code: string): { result: ValidationResult; problem: Problem; fix: (find: string, by: string, edits?: number) => QuickFix } {
  const result = new ValidationSession().run(text);
  const problem = result.problems.find((p) => p.code === code);
  assert.ok(problem, `no ${code} in the text`);
  const fix = (find: string, by: string): QuickFix => {
    const start = text.indexOf(find);
    assert.ok(start >= 0, find);
    return { title: 'test', edits: [{ start, end: start + find.length, newText: by }], preferred: true };
  };
  return { result, problem, fix };
}

describe('verifyFix refuses wrong fixes', () => {
  it('unit-synonym in a quantity: the right unit passes, a changed number or another unit does not', () => {
    const { result, problem, fix } = setup(example('unit-synonym'), 'unit-synonym');
    assert.equal(verifyFix(fix('4 weeks', '4 wk'), problem, result), true);
    assert.equal(verifyFix(fix('4 weeks', '5 wk'), problem, result), false, 'the number changed');
    assert.equal(verifyFix(fix('4 weeks', '28 d'), problem, result), false, 'a different unit, even of equal value');
    assert.equal(verifyFix(fix('4 weeks', '4-5 wk'), problem, result), false, 'a range where there was none');
    const range = setup(example('unit-synonym').replace('4 weeks', '4-6 weeks'), 'unit-synonym');
    assert.equal(verifyFix(range.fix('4-6 weeks', '4-6 wk'), range.problem, range.result), true);
    assert.equal(verifyFix(range.fix('4-6 weeks', '4-7 wk'), range.problem, range.result), false, 'the high bound changed');
  });
  it('quantity-range-reversed: only the swapped range passes, not another range in order', () => {
    const { result, problem, fix } = setup(example('quantity-range-reversed'), 'quantity-range-reversed');
    assert.equal(verifyFix(fix('5-3 10*6{cells}/kg', '3-5 10*6{cells}/kg'), problem, result), true);
    assert.equal(verifyFix(fix('5-3 10*6{cells}/kg', '3-6 10*6{cells}/kg'), problem, result), false);
  });
  it('registry-id-form: only the suggested registry passes', () => {
    const { result, problem, fix } = setup(example('registry-id-form'), 'registry-id-form');
    assert.equal(verifyFix(fix('registry: other', 'registry: IRCT'), problem, result), true);
    assert.equal(verifyFix(fix('registry: other', 'registry: other '), problem, result), false, 'the problem left as it was');
  });
  it('unit-synonym in a unit field: only the UCUM code passes', () => {
    const text = example('unit-synonym').replace('4 weeks', '4 wk').replace('    category: safety\n', '    category: safety\n    unit: cc\n');
    const { result, problem, fix } = setup(text, 'unit-synonym');
    assert.equal((problem.data as { form?: string }).form, 'unit');
    assert.equal(verifyFix(fix('unit: cc', 'unit: mL'), problem, result), true);
    assert.equal(verifyFix(fix('unit: cc', 'unit: L'), problem, result), false);
  });
  it('schema-enum: only the suggested value, not another allowed one', () => {
    const { result, problem, fix } = setup(example('schema-enum'), 'schema-enum');
    assert.equal(verifyFix(fix('route: IV', 'route: intravenous'), problem, result), true);
    assert.equal(verifyFix(fix('route: IV', 'route: intramuscular'), problem, result), false);
  });
  it('ref-unresolved: only the suggested id, not another id that exists', () => {
    const text = example('ref-unresolved').replace('products:\n', 'products:\n  - id: cells-b\n    kind: cells\n');
    const { result, problem, fix } = setup(text, 'ref-unresolved');
    assert.equal((problem.data as { suggestion?: string }).suggestion, 'cells');
    assert.equal(verifyFix(fix('product: cell ', 'product: cells '), problem, result), true);
    assert.equal(verifyFix(fix('product: cell ', 'product: cells-b '), problem, result), false);
  });
  it('schema-unknown-property: the key renamed with its value kept, and nothing else', () => {
    const { result, problem, fix } = setup(example('schema-unknown-property'), 'schema-unknown-property');
    assert.equal(verifyFix(fix('rout: intravenous', 'route: intravenous'), problem, result), true);
    assert.equal(verifyFix(fix('rout: intravenous', 'route: intramuscular'), problem, result), false, 'the value changed');
    assert.equal(verifyFix(fix('rout: intravenous', 'x_rout: intravenous'), problem, result), false, 'renamed to something else');
  });
  it('endpoint-missing-result: a reason is required and the endpoint must keep its keys', () => {
    const text = example('endpoint-missing-result');
    const { result, problem, fix } = setup(text, 'endpoint-missing-result');
    const marked = '    timepoints: [w4]\n    not_reported:\n      reason: Not reported\nresults:';
    assert.equal(verifyFix(fix('    timepoints: [w4]\nresults:', marked), problem, result), true);
    assert.equal(verifyFix(fix('    timepoints: [w4]\nresults:', '    timepoints: [w4]\n    not_reported:\n      reason: 3\nresults:'), problem, result), false, 'a reason that is not text');
    assert.equal(verifyFix(fix('    priority: primary\n    timepoints: [w4]\nresults:', '    priority: secondary\n    timepoints: [w4]\n    not_reported:\n      reason: Not reported\nresults:'), problem, result), false, 'another key changed');
  });
  it('refuses a fix that leaves the problem, adds an error, or breaks the YAML', () => {
    const { result, problem, fix } = setup(example('schema-enum'), 'schema-enum');
    assert.equal(verifyFix(fix('route: IV', 'route: IV '), problem, result), false, 'the problem is still there');
    assert.equal(verifyFix(fix('route: IV', 'route: intravenous\n        rout: x'), problem, result), false, 'a new error');
    assert.equal(verifyFix(fix('route: IV', 'route: [intravenous'), problem, result), false, 'unparseable');
  });
  it('keeps errors that were there before a fix (they are not new)', () => {
    const text = example('schema-enum').replace('    kind: cells\n', '    kind: cells\n    wrong_key: 1\n');
    const { result, problem, fix } = setup(text, 'schema-enum');
    assert.ok(result.problems.some((p) => p.code === 'schema-unknown-property'));
    assert.equal(verifyFix(fix('route: IV', 'route: intravenous'), problem, result), true);
  });
  it('applies several edits from the last to the first, in the text after a BOM', () => {
    const text = `\ufeff${example('schema-enum')}`;
    const { result, problem } = setup(text, 'schema-enum');
    assert.equal(result.shift, 1);
    const at = text.indexOf('IV');
    const twoEdits: QuickFix = { title: 'test', preferred: true, edits: [{ start: at, end: at + 1, newText: 'intra' }, { start: at + 1, end: at + 2, newText: 'venous' }] };
    assert.equal(verifyFix(twoEdits, problem, result), true);
    assert.deepEqual(quickFixes(problem, result).map((f) => f.edits), [[{ start: at, end: at + 2, newText: 'intravenous' }]]);
  });
  it('has nothing to verify without a parsed document', () => {
    const result = new ValidationSession().run('\u0000\u0001binary');
    const problem = result.problems[0] as Problem;
    assert.equal(result.parsed, undefined);
    assert.equal(verifyFix({ title: 't', preferred: true, edits: [] }, problem, result), false);
    assert.deepEqual(quickFixes(problem, result), []);
  });
});

describe('fix candidates, exact', () => {
  it('schema-enum keeps double and single quotes, and writes a bare word bare', () => {
    for (const [written, expected] of [['IV', 'intravenous'], ['"IV"', '"intravenous"'], ["'IV'", "'intravenous'"]] as const) {
      const text = example('schema-enum').replace('route: IV', `route: ${written}`);
      const { result, problem } = setup(text, 'schema-enum');
      assert.deepEqual(quickFixes(problem, result).map((f) => [f.title, f.edits[0]?.newText, f.preferred]), [['Change to `intravenous`', expected, true]]);
    }
  });
  it('a plain value that starts and ends with the same letter is not taken for a quoted one', () => {
    const text = example('schema-enum').replace('route: IV', 'route: topicat');
    const { result, problem } = setup(text, 'schema-enum');
    assert.deepEqual(quickFixes(problem, result).map((f) => [f.title, f.edits[0]?.newText]), [['Change to `topical`', 'topical']]);
  });
  it('the titles and preference of each kind of fix', () => {
    const titles = (code: string) => {
      const { result, problem } = setup(example(code), code);
      return quickFixes(problem, result).map((f) => [f.title, f.preferred]);
    };
    assert.deepEqual(titles('unit-synonym'), [['Write the UCUM code `wk`', true]]);
    assert.deepEqual(titles('ref-unresolved'), [['Change to `cells`', true], ['Declare product `cell` under `products`', false]]);
    assert.deepEqual(titles('schema-unknown-property'), [['Rename to `route`', true]]);
    assert.deepEqual(titles('endpoint-missing-result'), [
      ['Mark the endpoint not_reported (with a reason to complete)', false],
      ['Add a result for `response` (each arm at each timepoint)', false],
    ]);
    assert.deepEqual(titles('schema-type'), []);
  });
  it('not_reported goes after the endpoint, on its own line, in the file\'s line endings', () => {
    const text = example('endpoint-missing-result');
    const end = text.indexOf('results:');
    const { result, problem } = setup(text, 'endpoint-missing-result');
    assert.deepEqual(quickFixes(problem, result)[0]?.edits, [{ start: end, end, newText: '    not_reported:\n      reason: Not reported in the source\n' }]);
    const crlf = text.replace(/\n/g, '\r\n');
    const r2 = setup(crlf, 'endpoint-missing-result');
    const end2 = crlf.indexOf('results:');
    assert.deepEqual(quickFixes(r2.problem, r2.result)[0]?.edits, [{ start: end2, end: end2, newText: '    not_reported:\r\n      reason: Not reported in the source\r\n' }]);
  });
  it('an endpoint that ends the file without a newline gets one before not_reported', () => {
    const base = example('endpoint-missing-result');
    // The endpoints block moved to the end of the file, with no final newline.
    const reordered = base.slice(0, base.indexOf('endpoints:')) + base.slice(base.indexOf('results:')) + base.slice(base.indexOf('endpoints:'), base.indexOf('results:')).trimEnd();
    const { result, problem } = setup(reordered, 'endpoint-missing-result');
    const edits = quickFixes(problem, result)[0]?.edits;
    assert.deepEqual(edits, [{ start: reordered.length, end: reordered.length, newText: '\n    not_reported:\n      reason: Not reported in the source' }]);
  });
});
