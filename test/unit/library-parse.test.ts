// Text outside the plain subset, parsed by the yaml library (parsePart's second path): each
// problem we report instead of, or besides, the library's, with its range, data and value.
// A tab in a trailing comment sends an otherwise plain text down this path.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_ALIAS_COUNT, parsePart } from '../../src/core/yaml/part';
import { ParseCache } from '../../src/core/yaml/cache';
import { parsePlainSubset } from '../../src/core/yaml/plain-subset';
import { syntaxMessage } from '../../src/core/yaml/syntax-messages';

/** The problems as [code, the text they cover, data]. */
function problems(text: string) {
  assert.equal(parsePlainSubset(text), undefined, 'the library parses this text');
  const part = parsePart(text);
  return part.problems.map((p) => [p.code, text.slice(p.start, p.end), p.data]);
}

describe('parsed by the library', () => {
  it('a duplicate key: once, at the second key, with its name', () => {
    assert.deepEqual(problems('a: 1\na: 2\n# \t\n'), [['yaml-duplicate-key', 'a', { yamlCode: 'DUPLICATE_KEY', key: 'a' }]]);
    assert.deepEqual(parsePart('a: 1\na: 2\n# \t\n').value, { a: 2 });
    const p = parsePart('a: 1\na: 2\n# \t\n').problems[0];
    assert.equal(p?.message, 'The key `a` appears twice in this mapping; keep one.');
  });

  it('a repeated merge key `<<` is not a duplicate', () => {
    assert.deepEqual(problems('base: &b {x: 1}\nm:\n  <<: *b\n  <<: *b\n'), []);
  });

  it('a key that is a list or a mapping: once, on its first line, and left out of the value', () => {
    assert.deepEqual(problems('? [a, b]\n: c\nd: 1\n'), [['yaml-complex-key', '[a, b]', { yamlCode: 'COMPLEX_KEY' }]]);
    assert.deepEqual(parsePart('? [a, b]\n: c\nd: 1\n').value, { d: 1 });
    assert.deepEqual(problems('? [a,\n   b]\n: c\n'), [['yaml-complex-key', '[a,', { yamlCode: 'COMPLEX_KEY' }]]);
  });

  it('an alias with no anchor before it: where it is written, read as empty, the rest kept', () => {
    assert.deepEqual(problems('a: *nowhere\nb: 1\n'), [['yaml-unresolved-alias', '*nowhere', { alias: 'nowhere' }]]);
    assert.deepEqual(parsePart('a: *nowhere\nb: 1\n').value, { a: null, b: 1 });
    assert.deepEqual(problems('a: *x\nb: &x 1\n'), [['yaml-unresolved-alias', '*x', { alias: 'x' }]], 'an anchor set later');
    assert.deepEqual(problems('b: &x 1\na: *x\n'), []);
    assert.deepEqual(parsePart('b: &x 1\na: *x\n').value, { b: 1, a: 1 });
  });

  it('names a long alias clipped to 40 characters', () => {
    const long = 'n'.repeat(45);
    assert.match(parsePart(`a: *${long}\n`).problems[0]?.message ?? '', new RegExp(`^\`\\*${'n'.repeat(39)}…\` refers to an anchor \`&${'n'.repeat(39)}…\``));
    const forty = 'n'.repeat(40);
    assert.match(parsePart(`a: *${forty}\n`).problems[0]?.message ?? '', new RegExp(`^\`\\*${forty}\` refers`));
  });

  it('an alias bomb: said at the first alias, and the value refused', () => {
    const ten = (x: string) => `[${Array.from({ length: 10 }, () => x).join(', ')}]`;
    const text = `a: &a ${ten('1')}\nb: &b ${ten('*a')}\nc: &c ${ten('*b')}\nd: ${ten('*c')}\n`;
    const part = parsePart(text);
    assert.equal(part.unusable, true);
    assert.equal(part.value, null);
    const bomb = part.problems.find((p) => p.code === 'yaml-alias-limit');
    assert.equal(text.slice(bomb?.start, bomb?.end), '*a');
    assert.equal(bomb?.start, text.indexOf('*a'));
    assert.equal((bomb?.data as { limit: number }).limit, MAX_ALIAS_COUNT);
    assert.match((bomb?.data as { detail: string }).detail, /\S/);
  });

  it('an unclosed quote: at the quote, to the end of its line (before a CR), single or double', () => {
    assert.deepEqual(problems("a: 'it\nb: 1\n"), [['yaml-syntax', "'it", { yamlCode: 'MISSING_CLOSING_QUOTE' }]]);
    assert.deepEqual(problems("a: 'it\r\nb: 1\r\n"), [['yaml-syntax', "'it", { yamlCode: 'MISSING_CLOSING_QUOTE' }]]);
    assert.deepEqual(problems("x: 1\na: 'it''s\nb: 1\n"), [['yaml-syntax', "'it''s", { yamlCode: 'MISSING_CLOSING_QUOTE' }]], "a doubled '' is not the quote");
    assert.deepEqual(problems('a: "say \\"hi\nb: 1\n'), [['yaml-syntax', '"say \\"hi', { yamlCode: 'MISSING_CLOSING_QUOTE' }]], 'an escaped \\" is not the quote');
    assert.match(parsePart("a: 'it\nb: 1\n").problems[0]?.message ?? '', /^This single quote is never closed/);
    assert.match(parsePart('a: "it\nb: 1\n').problems[0]?.message ?? '', /^This double quote is never closed/);
  });

  it('a bad escape covers the backslash and its letter; a second document its marker', () => {
    assert.deepEqual(problems('a: "\\q"\n'), [['yaml-syntax', '\\q', { yamlCode: 'BAD_DQ_ESCAPE' }]]);
    assert.deepEqual(problems('a: 1\n---\nb: 2\n'), [['yaml-multi-document', '---', { yamlCode: 'MULTIPLE_DOCS' }]]);
    assert.deepEqual(parsePart('a: 1\n---\nb: 2\n').value, { a: 1 });
  });

  it("the library's warnings, with its code: an unknown directive, an unknown tag", () => {
    assert.deepEqual(problems('%FOO bar\n---\na: 1\n'), [['yaml-warning', '%FOO bar', { yamlCode: 'BAD_DIRECTIVE' }]]);
    assert.deepEqual(problems('a: !foo 1\n'), [['yaml-warning', '!foo', { yamlCode: 'TAG_RESOLVE_FAILED' }]]);
    assert.equal(parsePart('a: !foo 1\n').problems[0]?.message, 'Unknown YAML tag; tags are not used in study annotations.');
  });
});

describe("the library's own words, and the parse cache", () => {
  it('an unknown code keeps the first line of its message, less a position at its end', () => {
    assert.equal(syntaxMessage('NEW_CODE', 'Oops at line 12, column 34:\nmore', ''), 'Oops');
    assert.equal(syntaxMessage('NEW_CODE', 'Oops at line 1, column 2', ''), 'Oops');
    assert.equal(syntaxMessage('NEW_CODE', 'Oops at line 1, column 2: near here', ''), 'Oops at line 1, column 2: near here');
  });
  it('the same text again is the same parse, not a new one', () => {
    const cache = new ParseCache();
    const first = cache.parse('a: 1\n');
    assert.equal(cache.parse('a: 1\n'), first);
    assert.notEqual(cache.parse('a: 2\n'), first);
  });
});
