// One key line at the wrong column is one problem that says so: the key (quotes aside), the
// column it is at, the column of its siblings and the mapping they belong to, over or under
// indented, past comments and blank lines, with CRLF line ends.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '../../src/core';
import { trial } from '../helpers/studies';

const said = (text: string) => validate(text).filter((p) => p.code.startsWith('yaml-')).map((p) => [p.code, p.message, text.slice(p.start, p.end), p.data]);

describe('a key line at the wrong column', () => {
  it('in a mapping: one space more or less than its siblings', () => {
    assert.deepEqual(said(trial((t) => t.replace('  allocation: non-randomized\n', '  allocation: non-randomized\n   masking: x\n'))), [['yaml-indentation', '`masking` is indented 3 spaces; in `design` its siblings are at 2.', '   masking', { key: 'masking', found: 3, expected: 2 }]]);
    assert.deepEqual(said(trial((t) => t.replace('  allocation: non-randomized\n', '  allocation: non-randomized\n masking: x\n'))), [['yaml-indentation', '`masking` is indented 1 space; in `design` its siblings are at 2.', ' masking', { key: 'masking', found: 1, expected: 2 }]]);
  });
  it('in a list item, named by its list; a quoted key by its name', () => {
    assert.deepEqual(said(trial((t) => t.replace('  - id: treated\n', '  - id: treated\n  "label": T2\n'))), [['yaml-indentation', '`label` is indented 2 spaces; in this arm its siblings are at 4.', '  "label"', { key: 'label', found: 2, expected: 4 }]]);
    assert.deepEqual(said(trial((t) => t.replace('        route: intravenous\n', '        route: intravenous\n      frequency: once\n'))), [['yaml-indentation', '`frequency` is indented 6 spaces; in this intervention its siblings are at 8.', '      frequency', { key: 'frequency', found: 6, expected: 8 }]]);
  });
  it('past a comment and a blank line, and with CRLF line ends', () => {
    const expected = [['yaml-indentation', '`label` is indented 2 spaces; in this arm its siblings are at 4.', '  label', { key: 'label', found: 2, expected: 4 }]];
    assert.deepEqual(said(trial((t) => t.replace('  - id: treated\n', '  - id: treated\n    # note\n\n  label: T2\n'))), expected);
    assert.deepEqual(said(trial((t) => t.replace('  - id: treated\n', '  - id: treated\n  label: T2\n')).replace(/\n/g, '\r\n')), expected);
  });
  it('is not said where the line would not parse at its siblings\' column either', () => {
    const broken = said(trial((t) => t.replace('  allocation: non-randomized\n', '  allocation: non-randomized\n   masking: [x\n')));
    assert.ok(broken.length >= 1 && broken.every(([code]) => code !== 'yaml-indentation'), JSON.stringify(broken));
  });
});
