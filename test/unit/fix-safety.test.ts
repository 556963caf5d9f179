/**
 * Quick fixes never destroy a value or break the YAML. Every offered fix, applied to the fixable
 * examples written every way YAML allows (quoted, escaped, folded over two lines, flow style,
 * CRLF, a BOM), must remove its problem, add no error, and leave every byte outside its edit.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { quickFixes, ValidationSession, type QuickFix, type TextEdit } from '../../src/core';
import { plain } from '../../src/core/editor/insert';
import { INVALID, read, runs, trial } from '../helpers/studies';

function apply(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

/** Applies every offered fix for every problem of `text` and checks the three promises; returns how many fixes were offered. */
function checkAllFixes(text: string): number {
  const result = new ValidationSession().run(text);
  let offered = 0;
  for (const problem of result.problems) {
    for (const offeredFix of quickFixes(problem, result)) {
      offered++;
      // A snippet reads as its placeholders' defaults until they are typed over.
      const fix: QuickFix = offeredFix.snippet ? { ...offeredFix, edits: offeredFix.edits.map((e) => ({ ...e, newText: plain(e.newText) })) } : offeredFix;
      assert.equal(fix.edits.length, 1);
      const edit = fix.edits[0] as TextEdit;
      const fixed = apply(text, fix.edits);
      assert.equal(fixed.slice(0, edit.start), text.slice(0, edit.start), 'bytes before the edit');
      assert.equal(fixed.slice(edit.start + edit.newText.length), text.slice(edit.end), 'bytes after the edit');
      const after = new ValidationSession().run(fixed).problems;
      assert.ok(!after.some((p) => p.code === problem.code && p.message === problem.message), `${fix.title}: the problem is still there`);
      const errors = (ps: typeof after) => ps.filter((p) => p.severity === 'error').map((p) => `${p.code} ${p.message}`);
      const before = new Set(errors(result.problems));
      assert.deepEqual(errors(after).filter((e) => !before.has(e)), [], `${fix.title}: new errors`);
    }
  }
  return offered;
}

const FIXABLE = ['unit-synonym', 'schema-enum', 'ref-unresolved', 'schema-unknown-property', 'endpoint-missing-result', 'registry-id-form', 'quantity-range-reversed'].map((code) => read(path.join(INVALID, `${code}.study.yaml`)));

/** Ways of writing the same values: each takes a text and returns it rewritten. */
const REWRITES: Record<string, (t: string) => string> = {
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  'lone cr': (t) => t.replace(/\n/g, '\r'),
  bom: (t) => `\ufeff${t}`,
  'double quotes': (t) => t.replace(/^(\s+(?:- )?(?:at|route|product|rout|registry|dose): )([^#\n]+?)(\s+#|$)/gm, '$1"$2"$3'),
  'single quotes': (t) => t.replace(/^(\s+(?:- )?(?:at|route|product|rout|registry|dose): )([^#\n]+?)(\s+#|$)/gm, "$1'$2'$3"),
  escapes: (t) => t.replace(/^(\s+at: )4 weeks/m, '$1"4 \\x77eeks"').replace(/^(\s+route: )IV/m, '$1"\\x49V"'),
  folded: (t) => t.replace(/^(\s+)at: 4 weeks(.*)$/m, '$1at: 4$2\n$1  weeks'),
  'flow endpoint': (t) => t.replace(/^  - id: response([^\n]*)\n((?:    [^\n]*\n)+)/m, (_m, c: string, body: string) => `  - {id: response, ${body.trim().split('\n').map((l) => l.trim()).filter((l) => !l.startsWith('#')).join(', ')}}${c.replace(/#.*/, '')}\n`),
};

describe('quick fixes are safe on every way of writing a value', () => {
  it('property: any combination of rewrites of any fixable example', () => {
    fc.assert(
      fc.property(fc.nat(FIXABLE.length - 1), fc.subarray(Object.keys(REWRITES)), (i, names) => {
        const text = names.reduce((t, n) => (REWRITES[n] as (t: string) => string)(t), FIXABLE[i] as string);
        checkAllFixes(text);
      }),
      { numRuns: runs(150) },
    );
  });

  it('a unit folded over two lines gets no fix that would lose its amount', () => {
    const text = trial((b) => b.replace('dose: 1 10*6{cells}/kg', 'dose: 1 million\n          cells/kg'));
    const result = new ValidationSession().run(text);
    const p = result.problems.find((x) => x.code === 'unit-synonym');
    assert.ok(p, 'the synonym is found');
    assert.deepEqual(quickFixes(p, result), []);
  });

  it('a unit written with an escape gets no fix that would drop the number', () => {
    const text = trial((b) => b.replace('dose: 1 10*6{cells}/kg', 'dose: "3 \\x63c"'));
    const result = new ValidationSession().run(text);
    const p = result.problems.find((x) => x.code === 'unit-synonym');
    assert.ok(p);
    assert.deepEqual(quickFixes(p, result), []);
  });

  it('not_reported goes inside a flow-style endpoint, and the file stays valid', () => {
    const text = trial((b) => b.replace('  - id: ae\n    name: Adverse events\n    priority: safety\n    category: safety\n    timepoints: [w4]\n', '  - {id: ae, name: Adverse events, priority: primary, category: safety, timepoints: [w4]}\n  - id: s\n    name: Safety\n    priority: safety\n    timepoints: [w4]\n'), 'completed') + 'results:\n  - endpoint: s\n    arm: treated\n';
    const result = new ValidationSession().run(text);
    const p = result.problems.find((x) => x.code === 'endpoint-missing-result');
    assert.ok(p);
    const [fix] = quickFixes(p, result);
    assert.ok(fix);
    const fixed = apply(text, fix.edits);
    assert.match(fixed, /timepoints: \[w4\], not_reported: \{reason: Not reported in the source\}\}/);
    assert.deepEqual(new ValidationSession().run(fixed).problems.filter((x) => x.severity !== 'info').map((x) => x.code), []);
  });

  it('is offered under any options: checks switched off elsewhere do not count as new errors', () => {
    const text = trial((b) => b.replace('route: intravenous', 'route: IV').replace('timepoints: [w4]', 'timepoints: [w9]'));
    const result = new ValidationSession().run(text, { disabledChecks: ['references'] });
    const p = result.problems.find((x) => x.code === 'schema-enum');
    assert.ok(p);
    assert.deepEqual(quickFixes(p, result).map((f) => f.title), ['Change to `intravenous`']);
  });

  it('every rewrite still offers the plain fixes where they are safe', () => {
    let offered = 0;
    for (const text of FIXABLE) for (const name of ['crlf', 'bom', 'double quotes', 'single quotes']) offered += checkAllFixes((REWRITES[name] as (t: string) => string)(text));
    assert.ok(offered >= 16, `only ${offered} fixes offered`);
  });

  it('a list written inside a list item: no fix throws or appends to it, and those offered stay safe', () => {
    // '- - endpoint: ae' once made the item appender compute a negative indentation and throw.
    const SECTIONS = ['arms', 'timepoints', 'endpoints', 'results', 'products'];
    for (const text of FIXABLE) {
      for (const section of SECTIONS) {
        const nested = text.replace(new RegExp(`^${section}:\\n  - `, 'm'), `${section}:\n  - - `);
        if (nested === text) continue;
        checkAllFixes(nested);
      }
    }
  });
});
