// Names compared loosely, as analytes and scales are written in papers: case, Greek letters
// spelled out, and spaces, hyphens and underscores between the parts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldName } from '../../src/core/text/fold-name';

describe('a name folded for loose comparison', () => {
  it('reads α and β as their names, ignoring case and separators', () => {
    assert.equal(foldName('TNF-α'), 'tnfalpha');
    assert.equal(foldName('TNF alpha'), 'tnfalpha');
    assert.equal(foldName('TGF-β1'), 'tgfbeta1');
    assert.equal(foldName('MEX  SLEDAI'), 'mexsledai');
    assert.equal(foldName('IL_1 - β'), 'il1beta');
  });
  it('keeps every other character', () => {
    assert.equal(foldName('C3/C4 (g/L)'), 'c3/c4(g/l)');
    assert.equal(foldName('γ-GT'), 'γgt', 'only α and β are spelled out');
  });
});
