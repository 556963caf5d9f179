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

/** Edits that keep the split possible (or break it on purpose: anchors, '---', column-0 keys). */
const EDIT = fc.constantFrom('', 'x', ' ', '\n', ':', '-', '- ', '"', '#', '\t', '  - id: q\n', '\nnotes: x\n', '\nresults:\n', '&a ', '*a', '\n---\n', 'extra: 1\n', '\n  - ', '[', '{');

describe('incremental parsing', () => {
  it('splits long lists into items', () => {
    const layout = layoutOf(big);
    assert.ok(layout);
    const results = layout.find((s) => s.key === 'results');
    assert.ok(results?.items && results.items.length > 20);
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

  it('after any sequence of edits, a session (split, cached) reports what a whole-file parse reports', () => {
    const session = new ValidationSession();
    let text = big;
    session.run(text);
    let compared = 0;
    fc.assert(
      fc.property(fc.nat(), EDIT, fc.nat(4), (pos, insert, del) => {
        const at = pos % (text.length + 1);
        text = text.slice(0, at) + insert + text.slice(at + del);
        const ours = session.run(text).problems;
        assert.deepEqual(describeAll(ours), describeAll(new ValidationSession({ split: false }).run(text).problems));
        compared++;
      }),
      { numRuns: runs(120) },
    );
    assert.equal(compared, runs(120));
  });

  it('reuses unchanged pieces: one edit re-parses one list item', () => {
    const cache = new ParseCache();
    const before = cache.parse(big);
    const at = big.indexOf('row 5)');
    assert.ok(at > 0);
    const after = cache.parse(big.slice(0, at) + 'ROW' + big.slice(at + 3));
    assert.notEqual(after, before);
    const items = (v: unknown) => (v as { results: unknown[] }).results;
    const changed = items(after.value).filter((r, i) => r !== items(before.value)[i]);
    assert.equal(changed.length, 1);
  });
});
