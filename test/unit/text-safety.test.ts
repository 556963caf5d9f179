// What leaves the core as text: invisible and control characters escaped and named, values
// clipped to one bounded line, messages bounded; offsets to lines and columns; and the plain
// wording of the YAML library's errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../src/core/text/line-index';
import { clipValue, escapeInvisible, firstInvisible, MAX_MESSAGE, MAX_QUOTED, q, safeMessage } from '../../src/core/text/safe';
import { syntaxMessage } from '../../src/core/yaml/syntax-messages';

describe('invisible characters', () => {
  it('are written as their escapes, every one, visible text untouched', () => {
    assert.equal(escapeInvisible('t1\u200b\u202e x\u0000\u001b\u007f\u0085\u00ad\u061c\u180e\u2060\u2064\u2066\u206f\ufeff\ufff9\ufffb'), 't1\\u200B\\u202E x\\u0000\\u001B\\u007F\\u0085\\u00AD\\u061C\\u180E\\u2060\\u2064\\u2066\\u206F\\uFEFF\\uFFF9\\uFFFB');
    assert.equal(escapeInvisible('é ü ‐ — \u00a0\u200a\u2010\ufffc'), 'é ü ‐ — \u00a0\u200a\u2010\ufffc', 'letters, dashes, spaces and the object mark are text');
    assert.equal(escapeInvisible('\t\n\r'), '\t\n\r', 'tab and line ends are left to the callers');
  });
  it('the first one is named: by its own name, else as a control or a format character', () => {
    assert.equal(firstInvisible('a\u200bb\u202e'), 'U+200B (zero width space)');
    assert.equal(firstInvisible('\u202e'), 'U+202E (right-to-left override)');
    assert.equal(firstInvisible('\u001b[2J'), 'U+001B (escape)');
    assert.equal(firstInvisible('\u0007'), 'U+0007 (bell)');
    assert.equal(firstInvisible('\u0001'), 'U+0001 (a control character)');
    assert.equal(firstInvisible('\u0085'), 'U+0085 (a control character)');
    assert.equal(firstInvisible('\u009f'), 'U+009F (a control character)');
    assert.equal(firstInvisible('\u2061'), 'U+2061 (a format character)');
    assert.equal(firstInvisible('\u00ad'), 'U+00AD (soft hyphen)');
    assert.equal(firstInvisible('plain text'), undefined);
  });
});

describe('a value in a message', () => {
  it('is one line: line ends, tabs and Unicode line separators become one space', () => {
    assert.equal(clipValue('a\r\nb\n\nc\td\u2028e\u0085f\rg'), 'a b c d e f g');
  });
  it('is kept whole up to the limit and cut with an ellipsis past it', () => {
    const at = 'x'.repeat(MAX_QUOTED);
    assert.equal(clipValue(at), at);
    assert.equal(clipValue(`${at}y`), `${'x'.repeat(MAX_QUOTED - 1)}…`);
    assert.equal(clipValue(`${at}y`).length, MAX_QUOTED);
    assert.equal(MAX_QUOTED, 60);
  });
  it('is quoted in backticks, escaped', () => {
    assert.equal(q('a\u200b'), '`a\\u200B`');
    assert.equal(q(12), '`12`');
  });
  it('a whole message is one line, escaped, and at most 500 characters', () => {
    assert.equal(safeMessage('one\ntwo\r\nthree\u2029x\u0007'), 'one two three x\\u0007');
    assert.equal(safeMessage('tab\there'), 'tab\there', 'a tab inside a message stays');
    const long = 'm'.repeat(MAX_MESSAGE);
    assert.equal(safeMessage(long), long);
    assert.equal(safeMessage(`${long}!`), `${'m'.repeat(MAX_MESSAGE - 1)}…`);
    assert.equal(MAX_MESSAGE, 500);
  });
});

describe('lines and columns', () => {
  it('are 1-based, a CR belongs to its line, and an offset past the end stays on the last line', () => {
    const lines = new LineIndex('ab\r\ncd\n\nef');
    assert.deepEqual([0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 20].map((o) => lines.position(o)), [
      { line: 1, column: 1 }, { line: 1, column: 2 }, { line: 1, column: 3 }, { line: 1, column: 4 }, { line: 2, column: 1 }, { line: 2, column: 3 },
      { line: 3, column: 1 }, { line: 4, column: 1 }, { line: 4, column: 2 }, { line: 4, column: 3 }, { line: 4, column: 13 },
    ]);
    assert.deepEqual([lines.lineCount, lines.lineStart(0), lines.lineStart(1), lines.lineStart(3), lines.lineStart(9)], [4, 0, 4, 8, 8]);
    assert.deepEqual([new LineIndex('').lineCount, new LineIndex('').position(0), new LineIndex('').lineStart(2)], [1, { line: 1, column: 1 }, 0]);
  });
  it('find the right line among many, at every line start and the offset before it', () => {
    const text = Array.from({ length: 50 }, (_, i) => 'x'.repeat(i % 7)).join('\n');
    const lines = new LineIndex(text);
    let start = 0;
    text.split('\n').forEach((l, i) => {
      assert.deepEqual(lines.position(start), { line: i + 1, column: 1 });
      if (start > 0) assert.deepEqual(lines.position(start - 1), { line: i, column: (text.split('\n')[i - 1] as string).length + 1 });
      start += l.length + 1;
    });
  });
});

describe('the YAML library\'s errors in plain words', () => {
  it('each known code has its wording, with what was found where it says it', () => {
    assert.match(syntaxMessage('MISSING_CHAR', 'x', ''), /^Expected "key: value" here/);
    assert.match(syntaxMessage('BAD_INDENT', 'x', ''), /^This line is not indented consistently/);
    assert.equal(syntaxMessage('DUPLICATE_KEY', 'x', 'arms'), 'The key `arms` appears twice in this mapping; keep one.');
    assert.equal(syntaxMessage('DUPLICATE_KEY', 'x', ''), 'The key appears twice in this mapping; keep one.');
    assert.match(syntaxMessage('BLOCK_AS_IMPLICIT_KEY', 'x', ''), /^A value cannot hold another "key: value" on the same line/);
    assert.match(syntaxMessage('MULTILINE_IMPLICIT_KEY', 'x', ''), /^A key must fit on one line/);
    assert.equal(syntaxMessage('UNEXPECTED_TOKEN', 'x', '  ]  '), 'Unexpected `]` here.');
    assert.equal(syntaxMessage('UNEXPECTED_TOKEN', 'x', '  '), 'Unexpected text here.');
    assert.equal(syntaxMessage('BAD_SCALAR_START', 'x', ' @foo'), 'A plain value cannot start with `@`; put the value in quotes.');
    assert.equal(syntaxMessage('BAD_SCALAR_START', 'x', '  '), 'A plain value cannot start with `  `; put the value in quotes.');
    assert.match(syntaxMessage('BAD_DQ_ESCAPE', 'x', ''), /^This escape sequence is not valid inside double quotes/);
    assert.equal(syntaxMessage('MISSING_CLOSE', 'x', ''), 'A quote or bracket is opened but never closed.');
    assert.equal(syntaxMessage('KEY_OVER_1024_CHARS', 'x', ''), 'A key is longer than 1024 characters.');
    assert.match(syntaxMessage('TAG_RESOLVE_FAILED', 'x', ''), /^Unknown YAML tag/);
    assert.match(syntaxMessage('MULTIPLE_DOCS', 'x', ''), /^A second YAML document starts here/);
    assert.match(syntaxMessage('TAB_AS_INDENT', 'x', ''), /^This line is indented with a tab/);
  });
  it('an unknown code keeps the library\'s first line, without its position', () => {
    assert.equal(syntaxMessage('NEW_CODE', 'Something odd at line 3, column 7:\n\n  x: y\n  ^', 'x'), 'Something odd');
    assert.equal(syntaxMessage('NEW_CODE', 'Something odd at line 3, column 7', 'x'), 'Something odd');
    assert.equal(syntaxMessage('NEW_CODE', 'Plain', 'x'), 'Plain');
  });
});
