import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parse } from 'yaml';
import { validate, ValidationSession } from '../../src/core';
import { layoutOf } from '../../src/core/yaml/layout';
import { ParseCache } from '../../src/core/yaml/cache';
import { largeStudy } from '../helpers/large-study';
import { EXAMPLES, INVALID, read, studyFiles } from '../helpers/studies';

const big = largeStudy(2000);

describe('incremental parsing', () => {
  it('splits long lists into items', () => {
    const layout = layoutOf(big);
    assert.ok(layout);
    const results = layout.find((s) => s.key === 'results');
    assert.ok(results?.items && results.items.length > 100);
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

  it('after any sequence of edits, a session reports exactly what a fresh validation reports', () => {
    const session = new ValidationSession();
    let text = big;
    session.run(text);
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('', 'x', ' ', '\n', ':', '-', '- ', '"', '#', '\t', '  - id: q\n'), fc.nat(4), (pos, insert, del) => {
        const at = pos % (text.length + 1);
        text = text.slice(0, at) + insert + text.slice(at + del);
        const strip = (ps: ReturnType<typeof validate>) => ps.map((p) => `${p.code}@${p.start}-${p.end}:${p.message}`);
        assert.deepEqual(strip(session.run(text).problems), strip(validate(text)));
      }),
      { numRuns: 150 },
    );
  });

  it('reuses unchanged pieces: one edit re-parses one list item', () => {
    const cache = new ParseCache();
    const before = cache.parse(big);
    const at = big.indexOf('row 50)');
    assert.ok(at > 0);
    const after = cache.parse(big.slice(0, at) + 'ROW' + big.slice(at + 3));
    assert.notEqual(after, before);
    const items = (v: unknown) => (v as { results: unknown[] }).results;
    const changed = items(after.value).filter((r, i) => r !== items(before.value)[i]);
    assert.equal(changed.length, 1);
  });
});
