// Where an invisible character in an id is looked for: the study's id, the id of an item of each
// list that has ids, and a reference. Each is reported once, at the value, with the id and the
// character in its data; an id that is a number is no text and has none.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '../../src/core';
import { trial } from '../helpers/studies';

const ZW = '\u200B';
const found = (text: string) =>
  validate(text)
    .filter((p) => p.code === 'id-invisible-character')
    .map((p) => [text.slice(p.start, p.end), p.data]);

describe('invisible characters in ids, by site', () => {
  it('the study\'s own id', () => {
    const text = trial((t) => t.replace('  id: test-trial\n', `  id: "test-trial\\u200B"\n`));
    assert.deepEqual(found(text), [['"test-trial\\u200B"', { id: `test-trial${ZW}`, character: 'U+200B (zero width space)' }]]);
  });

  for (const [list, from, to] of [
    ['products', '  - id: cells\n    kind', '  - id: "cells\\u200B"\n    kind'],
    ['arms', '  - id: treated\n', '  - id: "treated\\u200B"\n'],
    ['timepoints', '  - id: w4\n', '  - id: "w4\\u200B"\n'],
    ['endpoints', '  - id: ae\n', '  - id: "ae\\u200B"\n'],
  ] as const) {
    it(`an item's id in ${list}`, () => {
      const got = found(trial((t) => t.replace(from, to)));
      assert.ok(got.length >= 1, `${list}: ${JSON.stringify(got)}`);
      assert.match(String(got[0]?.[0]), /\\u200B"$/);
    });
  }

  it('a result\'s id and a reference to an endpoint', () => {
    const text = trial((t) => t.replace('curation:', `results:\n  - id: "r1\\u200B"\n    endpoint: "ae\\u200B"\n    arm: treated\n    timepoint: w4\n    statistic: count\n    value: 1 {events}\ncuration:`));
    assert.deepEqual(found(text).map(([span]) => span), ['"r1\\u200B"', '"ae\\u200B"']);
  });

  it('none for an id that is a number, nor for clean ids', () => {
    assert.deepEqual(found(trial((t) => t.replace('  - id: w4\n', '  - id: 4\n'))), []);
    assert.deepEqual(found(trial()), []);
  });
});
