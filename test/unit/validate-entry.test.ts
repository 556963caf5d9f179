// The validation entry points' own edges: a file's size limit counted in bytes, at the limit and
// one past it; undecodable bytes; the problem cap at exactly its limit; and the study id the
// workspace checks read, past a BOM and absent where the study or its id is not one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate, validateFile, ValidationSession } from '../../src/core';
import { MAX_PROBLEMS } from '../../src/core/problem';
import path from 'node:path';
import { INVALID, read, trial } from '../helpers/studies';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('a file as bytes', () => {
  it('at the size limit is validated; one byte past it is one problem and no more', () => {
    const text = 'study: xy\n'; // 10 bytes
    assert.notDeepEqual(validateFile(bytes(text), { maxSize: 10 }).problems.map((p) => p.code), ['file-too-large']);
    const over = validateFile(bytes(text), { maxSize: 9 });
    assert.deepEqual(over.problems.map((p) => [p.code, p.line, p.start]), [['file-too-large', 1, 0]]);
    assert.deepEqual([over.suppressed, over.studyId], [[], undefined]);
  });
  it('counts bytes, not characters: four two-byte letters are over a limit of seven', () => {
    assert.deepEqual(validateFile(bytes('éééé'), { maxSize: 7 }).problems.map((p) => p.code), ['file-too-large']);
    assert.notDeepEqual(validateFile(bytes('éééé'), { maxSize: 8 }).problems.map((p) => p.code), ['file-too-large']);
  });
  it('that are not UTF-8 are one problem at the first bad byte', () => {
    const out = validateFile(new Uint8Array([0x73, 0x3a, 0xff, 0xfe, 0x0a]));
    assert.deepEqual(out.problems.map((p) => [p.code, p.start, p.end]), [['file-binary', 2, 3]]);
    assert.deepEqual(out.suppressed, []);
  });
});

describe('a session', () => {
  it('splits its parse unless told not to: two broken sections are two problems, as in a split parse', () => {
    const two = trial((b) => b.replace('  allocation: non-randomized\n', '  allocation: [non-randomized\n').replace('    at: 4 wk\n', '    at: "4 wk\n'));
    const lines = (r: { problems: { code: string; line: number }[] }) => r.problems.map((p) => `${p.code}@${p.line}`);
    assert.deepEqual(lines(new ValidationSession().run(two)), ['yaml-syntax@7', 'yaml-syntax@22']);
    assert.deepEqual(lines(new ValidationSession({}).run(two)), ['yaml-syntax@7', 'yaml-syntax@22']);
    assert.deepEqual(lines(new ValidationSession({ split: false }).run(two)), ['yaml-syntax@7']);
  });
  it('a text too large is one problem, with nothing acknowledged and nothing parsed', () => {
    const r = new ValidationSession().run('study: xy\n', { maxSize: 9 });
    assert.deepEqual([r.problems.map((p) => p.code), r.suppressed, r.parsed, r.studyId], [['file-too-large'], [], undefined, undefined]);
  });
});

describe('the problem cap', () => {
  const unknownKeys = (n: number) => trial((t) => t.replace('curation:', `${Array.from({ length: n }, (_, i) => `k${i}: 1\n`).join('')}curation:`));
  it('lists exactly the limit with no note, and one past it as the limit and a note of one more', () => {
    const at = validate(unknownKeys(MAX_PROBLEMS));
    assert.equal(at.length, MAX_PROBLEMS);
    assert.equal(at.some((p) => p.code === 'too-many-problems'), false);
    const past = validate(unknownKeys(MAX_PROBLEMS + 1));
    assert.equal(past.length, MAX_PROBLEMS + 1);
    assert.deepEqual(past.filter((p) => p.code === 'too-many-problems').map((p) => p.data), [{ hidden: 1, limit: MAX_PROBLEMS }]);
  });
});

describe('the study id of a validated file', () => {
  const idOf = (text: string) => new ValidationSession().run(text).studyId;
  it('is at its value, in offsets of the text as given (a BOM counted)', () => {
    const text = '\uFEFFstudy:\n  id: abc\n';
    const at = idOf(text);
    assert.deepEqual(at, { id: 'abc', start: 14, end: 17, line: 2, column: 7, endLine: 2, endColumn: 10 });
    assert.equal(text.slice(at!.start, at!.end), 'abc');
  });
  it('carries the curator, and marks a consensus by its extractions', () => {
    const at = idOf('study:\n  id: abc\ncuration:\n  curator: A. Curator\n  extractions:\n    - file: a.study.yaml\n');
    assert.deepEqual([at?.curator, at?.consensus], ['A. Curator', true]);
    const plain = idOf('study:\n  id: abc\ncuration:\n  curator: 5\n  extractions: none\n');
    assert.deepEqual([plain?.curator, plain?.consensus], [undefined, undefined]);
    assert.deepEqual([idOf('study:\n  id: abc\ncuration: draft\n')?.curator], [undefined]);
  });
  it('is none where the study is no mapping, the id is no text, or the file is no mapping', () => {
    for (const text of ['study: x\n', 'study: [a]\n', 'study:\n  id: [a]\n', 'study:\n  title: t\n', '- study\n', 'just words\n']) {
      assert.equal(idOf(text), undefined, JSON.stringify(text));
    }
  });
});

describe('CRLF line ends', () => {
  // A range that ends at a line's end must end before its CR: a range never splits a line break,
  // and it is the same range, line and column, as in the same file with LF ends.
  const lf = read(path.join(INVALID, 'schema-missing-property.study.yaml'));
  const crlf = lf.replace(/\n/g, '\r\n');
  const at = (text: string) => validate(text).map((p) => [p.code, p.line, p.column, p.endLine, p.endColumn, text.slice(p.start, p.end)]);
  it('a range that runs to the end of its line (a comment after the value) ends before the CR', () => {
    const [problem] = validate(crlf);
    assert.equal(problem?.code, 'schema-missing-property');
    assert.equal(crlf.slice(problem?.end, (problem?.end ?? 0) + 2), '\r\n');
    assert.deepEqual(at(crlf), at(lf));
  });
});
