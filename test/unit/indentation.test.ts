// One key line at the wrong column is one problem that says so: the key (quotes aside), the
// column it is at, the column of its siblings and the mapping they belong to, over or under
// indented, past comments and blank lines, with CRLF line ends.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '../../src/core';
import { diagnoseIndentations } from '../../src/core/yaml/indentation';
import { parsePart } from '../../src/core/yaml/part';
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

/** What the indentation diagnosis makes of the parser's problems in `text`: [code, message, covered text]. */
const diagnosed = (text: string) => diagnoseIndentations(text, parsePart(text).problems).map((p) => [p.code, p.message, text.slice(p.start, p.end)]);

describe('the indentation diagnosis, on its own', () => {
  it('names the top level, a list item by its list (entries: an entry), a mapping by its key', () => {
    assert.deepEqual(diagnosed('a: 1\nb: 2\n c: 3\nd: 4\n')[0], ['yaml-indentation', '`c` is indented 1 space; at the top level its siblings are at 0.', ' c']);
    assert.deepEqual(diagnosed('entries:\n  - id: a\n    name: b\n   note: c\nother: 1\n'), [['yaml-indentation', '`note` is indented 3 spaces; in this entry its siblings are at 4.', '   note']]);
    assert.deepEqual(diagnosed('a:\n  x: 1\n  y: 2\n      z: 3\nb: 1\n')[0], ['yaml-indentation', '`z` is indented 6 spaces; in `a` its siblings are at 2.', '      z']);
  });
  it('a single-quoted key by its name, the quotes inside the range; on the last line without a line end', () => {
    assert.deepEqual(diagnosed("m:\n  x: 1\n   'y z': 2\n")[0], ['yaml-indentation', '`y z` is indented 3 spaces; in `m` its siblings are at 2.', "   'y z'"]);
    assert.deepEqual(diagnosed('m:\n  x: 1 # c\n   y: 2')[0], ['yaml-indentation', '`y` is indented 3 spaces; in `m` its siblings are at 2.', '   y']);
  });
  it('not for a list item line, nor for problems other than syntax errors', () => {
    assert.deepEqual(diagnosed('m:\n  - a: 1\n   - b: 2\n').map(([code]) => code), ['yaml-syntax']);
    const other = { code: 'yaml-duplicate-key' as const, message: 'x', start: 8, end: 9, data: { yamlCode: 'DUPLICATE_KEY', key: 'y' } };
    const text = 'm:\n  x: 1\n   y: 2\n';
    assert.deepEqual(diagnoseIndentations(text, [other]), [other]);
  });
  it('each section on its own, the first eight syntax errors at most', () => {
    const section = (i: number) => `s${i}:\n  x: 1\n   y: 2\n`;
    assert.deepEqual(diagnosed(section(1) + section(2)).filter(([code]) => code === 'yaml-indentation').length, parsePart(section(1) + section(2)).problems.length);
    const many = Array.from({ length: 9 }, (_, i) => section(i)).join('');
    const codes = diagnosed(many).map(([code]) => code);
    assert.equal(codes.filter((c) => c === 'yaml-indentation').length, 8);
    assert.equal(codes.length, parsePart(many).problems.length);
  });
});
