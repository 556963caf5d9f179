// Glob matching shared by the CLI (file operands, .studyignore) and the extension (file
// settings), and the modeline: every pattern character, boundaries, and the ignore rules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { globToRegExp, hasModeline, isIgnored, matchesAny, parseIgnoreFile } from '../../src/core/glob';

const matches = (glob: string, paths: string[]) => paths.filter((p) => globToRegExp(glob).test(p));

describe('a glob', () => {
  it('* stays inside one folder, ** crosses folders (with or without a slash after it), ? is one character', () => {
    assert.deepEqual(matches('*.yaml', ['a.yaml', 'b/a.yaml', '.yaml', 'a.yamlx']), ['a.yaml', '.yaml']);
    assert.deepEqual(matches('**/*.yaml', ['a.yaml', 'b/a.yaml', 'b/c/a.yaml']), ['a.yaml', 'b/a.yaml', 'b/c/a.yaml']);
    assert.deepEqual(matches('a/**', ['a/', 'a/b', 'a/b/c', 'ab']), ['a/', 'a/b', 'a/b/c']);
    assert.deepEqual(matches('a**b', ['ab', 'a/x/b', 'axb']), ['ab', 'a/x/b', 'axb']);
    assert.deepEqual(matches('?.yaml', ['a.yaml', 'ab.yaml', '/.yaml']), ['a.yaml']);
  });
  it('{a,b} is either word, escaped; an unclosed brace is a brace', () => {
    assert.deepEqual(matches('*.{yaml,yml}', ['a.yaml', 'a.yml', 'a.json', 'a.{yaml,yml}']), ['a.yaml', 'a.yml']);
    assert.deepEqual(matches('{a.b,c}', ['a.b', 'axb', 'c']), ['a.b', 'c']);
    assert.deepEqual(matches('a{b', ['a{b', 'ab']), ['a{b']);
  });
  it('every other character is itself, whole path only', () => {
    assert.deepEqual(matches('a.b+c(d)|e[f]^$\\', ['a.b+c(d)|e[f]^$\\', 'axb+c(d)|e[f]^$\\']), ['a.b+c(d)|e[f]^$\\']);
    assert.deepEqual(matches('b.yaml', ['b.yaml', 'ab.yaml', 'b.yaml.bak']), ['b.yaml']);
  });
});

describe('matching settings globs and the modeline', () => {
  it('a glob without a slash matches the file name in any folder; one with a slash the whole path', () => {
    assert.equal(matchesAny('x/y/a.study.yaml', ['*.study.yaml']), true);
    assert.equal(matchesAny('x/y/a.study.yaml', ['y/*.study.yaml']), false);
    assert.equal(matchesAny('y/a.study.yaml', ['y/*.study.yaml']), true);
    assert.equal(matchesAny('a.yaml', []), false);
    assert.equal(matchesAny('a.yaml', ['*.json', 'a.yaml']), true);
  });
  it('the modeline is a first-line comment, after a BOM and any spaces, as a whole word, within the first 200 characters', () => {
    assert.equal(hasModeline('\ufeff#study-annotator\n'), true);
    assert.equal(hasModeline('#   study-annotator: on\n'), true);
    assert.equal(hasModeline('# study-annotators\n'), false);
    assert.equal(hasModeline(' # study-annotator\n'), false);
    assert.equal(hasModeline(`#${' '.repeat(200)}study-annotator\n`), false);
  });
});

describe('.studyignore', () => {
  it('one glob per line, CRLF or LF, trimmed; comments and blank lines skipped; a folder/ pattern hides everything in it', () => {
    const patterns = parseIgnoreFile('# drafts\r\n  drafts/  \r\n\r\n*.bak.yaml\n#x.yaml\n');
    assert.deepEqual(patterns.map(String), [String(globToRegExp('drafts/**')), String(globToRegExp('*.bak.yaml'))]);
  });
  it('hides a path below the file\'s folder, matched relative to it; a folder also as folder/', () => {
    const ignores = [{ dir: 'studies', patterns: parseIgnoreFile('drafts/\nold.study.yaml\n') }];
    assert.equal(isIgnored('studies/drafts/a.study.yaml', false, ignores), true);
    assert.equal(isIgnored('studies/old.study.yaml', false, ignores), true);
    assert.equal(isIgnored('studies/x/old.study.yaml', false, ignores), false, 'a pattern with no ** is relative to its folder');
    assert.equal(isIgnored('other/old.study.yaml', false, ignores), false, 'outside the folder');
    assert.equal(isIgnored('studiesx/old.study.yaml', false, ignores), false, 'a folder name that only starts the same');
    assert.equal(isIgnored('studies/drafts', true, ignores), true, 'the folder itself');
    assert.equal(isIgnored('studies/drafts', false, ignores), false, 'a file named like the folder');
    assert.equal(isIgnored('studies/a.yaml', false, []), false);
  });
});
