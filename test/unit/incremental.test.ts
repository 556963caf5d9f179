import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parse } from 'yaml';
import { ValidationSession, type Problem } from '../../src/core';
import { layoutOf } from '../../src/core/yaml/layout';
import { ParseCache } from '../../src/core/yaml/cache';
import { largeStudy } from '../helpers/large-study';
import { EXAMPLES, INVALID, read, runs, studyFiles } from '../helpers/studies';

// Long enough that sections and list items are split (over 40 lines a list), short enough to run hundreds of edits.
const big = largeStudy(300);

/** Everything a problem says, ranges included: a range one character late must show. */
const describeAll = (ps: readonly Problem[]) => ps.map((p) => `${p.code}@${p.start}-${p.end} ${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.message} ${JSON.stringify(p.data)}`);

/**
 * Edits of a long annotation: characters anywhere, and whole lines that keep the split (a list
 * item, a top-level key) or end it (an anchor and alias, a document marker, a deleted line).
 */
const EDIT = fc.oneof(
  fc.record({ line: fc.constant(false), at: fc.nat(), text: fc.constantFrom('x', '9', ' ', '-', ':', '"', '#', '\t', '[', '{', '\n', '') , del: fc.nat(3) }),
  fc.record({
    line: fc.constant(true),
    at: fc.nat(),
    text: fc.constantFrom('  - id: q\n', 'notes: x\n', 'notes:\n  - a\n', '---\n', 'anchor: &a 1\n', 'alias: *a\n', '  - endpoint: e0\n    arm: low\n', '# comment\n', ''),
    del: fc.constantFrom(0, 1),
  }),
);

function applyEdit(text: string, e: { line: boolean; at: number; text: string; del: number }): string {
  if (!e.line) {
    const at = e.at % (text.length + 1);
    return text.slice(0, at) + e.text + text.slice(at + e.del);
  }
  const lines = text.split('\n');
  const i = e.at % lines.length;
  lines.splice(i, e.del, ...(e.text ? [e.text.replace(/\n$/, '')] : []));
  return lines.join('\n');
}

describe('incremental parsing', () => {
  it('splits long lists into runs of items that together hold every item once', () => {
    const layout = layoutOf(big);
    assert.ok(layout);
    const results = layout.find((s) => s.key === 'results');
    assert.ok(results?.items && results.items.length > 8, `${results?.items?.length} runs`);
    const parsed = (new ParseCache().parse(big).value as { results: unknown[] }).results;
    assert.equal(results.items.reduce((n, r) => n + r.count, 0), parsed.length);
    results.items.forEach((r, i) => assert.equal(r.start, i === 0 ? results.items?.[0]?.start : results.items?.[i - 1]?.end));
  });

  it('groups short list items into runs, keeps a long item a piece of its own, and parses as a whole parse does', () => {
    const short = Array.from({ length: 400 }, (_, i) => `  - {id: t${i}, at: ${i} d}\n`).join('');
    const long = `  - id: long\n    notes: ${'x'.repeat(300)}\n`;
    const text = `study:\n  id: s\ntimepoints:\n${short}${long}${short}`;
    const runs = layoutOf(text)?.find((s) => s.key === 'timepoints')?.items;
    assert.ok(runs);
    assert.ok(runs.length < 800 / 4, `${runs.length} runs for 801 items`);
    assert.ok(runs.length > 801 / 200, `${runs.length} runs for 801 items: one piece would be re-parsed on every keystroke`);
    const longRun = runs.find((r) => text.slice(r.start, r.end).includes('id: long'));
    assert.ok(longRun);
    assert.ok(text.slice(longRun.start, longRun.end).endsWith(long), 'the long item ends its run');
    const ours = new ParseCache().parse(text);
    assert.deepEqual(ours.value, parse(text));
    assert.ok(ours.split);
    const at = ours.locate(['timepoints', 600, 'at']);
    assert.equal(text.slice(at.value.start, at.value.end), '199 d');
    assert.equal(ours.locate(['timepoints', 801]).found, false);
    assert.equal(ours.locate(['timepoints', -1]).found, false);
    assert.equal(text.slice(ours.locate(['timepoints', 400, 'id']).value.start, ours.locate(['timepoints', 400, 'id']).value.end), 'long');
  });

  it('gives the same value as a whole-file parse, for every example', () => {
    for (const file of [...studyFiles(EXAMPLES), ...studyFiles(INVALID)]) {
      const text = read(file);
      let whole: unknown;
      try {
        whole = parse(text, { uniqueKeys: false, maxAliasCount: 100 });
      } catch {
        continue; // multi-document, binary or bomb: not comparable
      }
      const ours = new ParseCache().parse(text);
      if (ours.usable && !ours.problems.some((p) => p.severity === 'error' || p.code.startsWith('yaml-'))) {
        assert.deepEqual(ours.value, whole, file);
      }
    }
    assert.deepEqual(new ParseCache().parse(big).value, parse(big));
  });

  it('a split parse reports exactly the problems and ranges of a whole-file parse', () => {
    const split = new ValidationSession();
    const whole = new ValidationSession({ split: false });
    assert.deepEqual(describeAll(split.run(big).problems), describeAll(whole.run(big).problems));
    // Edits in a split list item, so located ranges come from a piece with its own base offset.
    const seeded = big.replace('    timepoint: d45\n', '    timepoint: d45\n    note: x\n').replace('  - endpoint: e16\n', '  - endpoint: e99\n');
    const a = split.run(seeded).problems;
    assert.ok(a.length > 0);
    assert.deepEqual(describeAll(a), describeAll(whole.run(seeded).problems));
  });

  /**
   * Where the YAML is well formed, the split is exactly a whole-file parse: same problems, same
   * ranges. Where it is not, the two may differ by design: the split confines a syntax error to
   * its section, while the whole-file parse's recovery can swallow every section after it. The
   * fault itself is never hidden.
   */
  const isYaml = (p: Problem) => p.code.startsWith('yaml-') && p.code !== 'yaml-warning';
  const session = new ValidationSession(); // kept across runs: its cache holds the previous version's pieces

  it('after edits that keep the YAML well formed, a split (cached) parse reports exactly what a whole-file parse reports', () => {
    fc.assert(
      fc.property(fc.array(EDIT, { minLength: 1, maxLength: 3 }), (edits) => {
        const text = edits.reduce(applyEdit, big);
        const whole = new ValidationSession({ split: false }).run(text).problems;
        fc.pre(!whole.some(isYaml));
        assert.deepEqual(describeAll(session.run(text).problems), describeAll(whole));
      }),
      { numRuns: runs(150), maxSkipsPerRun: 1000 },
    );
  });

  it('after any edits, a split parse reports a syntax error wherever a whole-file parse does', () => {
    fc.assert(
      fc.property(fc.array(EDIT, { minLength: 1, maxLength: 3 }), (edits) => {
        const text = edits.reduce(applyEdit, big);
        const whole = new ValidationSession({ split: false }).run(text).problems;
        if (whole.some(isYaml)) assert.ok(session.run(text).problems.some(isYaml), `the split parse hides: ${describeAll(whole.filter(isYaml)).join('\n')}`);
      }),
      { numRuns: runs(150) },
    );
  });

  it('splits up to 200 top-level keys into sections, and parses more whole', () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}: 1\n`).join('');
    assert.equal(layoutOf(keys(200))?.length, 200);
    assert.equal(layoutOf(keys(201)), null);
  });

  it("decides where a run ends from the item's length and the first 80 characters of its first line only", () => {
    const ends = (text: string) => {
      const runs = layoutOf(text)?.find((s) => s.key === 'timepoints')?.items;
      assert.ok(runs);
      return runs.map((r) => r.count);
    };
    const list = (item: (i: number) => string) => `study:\n  id: s\ntimepoints:\n${Array.from({ length: 300 }, (_, i) => item(i)).join('')}`;
    // The same first lines, other second lines of the same length: the same runs.
    const second = ends(list((i) => `  - id: t${i}\n    at: 1 d\n`));
    assert.ok(second.length > 10 && second.length < 300, `${second.length} runs`);
    assert.deepEqual(ends(list((i) => `  - id: t${i}\n    at: ${i % 10} d\n`)), second);
    // First lines that differ only from their 81st character on: the same runs.
    const long = (c: string) => (i: number) => `  - {id: t${String(i).padStart(3, '0')}, note: ${'x'.repeat(80 - 21)}${c}}\n`;
    assert.equal(long('A')(7).indexOf('A'), 80);
    assert.deepEqual(ends(list(long('A'))), ends(list(long('B'))));
    // An item longer than half a run always ends its run.
    const over = (i: number) => `  - {id: t${String(i).padStart(3, '0')}, note: ${'x'.repeat(257 - 23)}}\n`;
    assert.equal(over(7).length, 257);
    assert.ok(ends(list(over)).every((n) => n === 1));
  });

  it('reuses unchanged pieces: one edit re-parses only the run of items it touched', () => {
    const cache = new ParseCache();
    const before = cache.parse(big);
    const at = big.indexOf('row 5)');
    assert.ok(at > 0);
    const after = cache.parse(big.slice(0, at) + 'ROW' + big.slice(at + 3));
    assert.notEqual(after, before);
    const items = (v: unknown) => (v as { results: unknown[] }).results;
    const changed = items(after.value).flatMap((r, i) => (r !== items(before.value)[i] ? [i] : []));
    const run = layoutOf(big)?.find((s) => s.key === 'results')?.items?.find((r) => r.start <= at && at < r.end);
    assert.ok(run);
    assert.ok(changed.length >= 1 && changed.length <= run.count, `${changed.length} items re-parsed; the run holds ${run.count}`);
    assert.equal(changed[changed.length - 1]! - changed[0]!, changed.length - 1, 'the re-parsed items are one run');
  });
});
