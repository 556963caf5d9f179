// What happens to a file's text before it is parsed: a BOM removed (and offsets shifted by it),
// lone CRs read as line ends, the size limit and NUL bytes as the one problem, strict UTF-8.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeUtf8, DEFAULT_MAX_SIZE, prepareText, tooLarge } from '../../src/core/text/input';

describe('a text prepared for parsing', () => {
  it('loses its BOM, with the shift that maps offsets back; a BOM elsewhere stays', () => {
    assert.deepEqual(prepareText('\ufeffa: 1\n'), { text: 'a: 1\n', shift: 1 });
    assert.deepEqual(prepareText('a: \ufeff1\n'), { text: 'a: \ufeff1\n', shift: 0 });
  });
  it('reads a lone CR as a line end, keeping CRLF and every offset', () => {
    assert.deepEqual(prepareText('a: 1\rb: 2\r\nc: 3\r').text, 'a: 1\nb: 2\r\nc: 3\n');
  });
  it('stops at a text over the limit (the limit itself passes), at its first line, with the sizes', () => {
    assert.equal(prepareText('x'.repeat(10), 10).fatal, undefined);
    assert.deepEqual(prepareText('ab\ncdefghij', 10).fatal, { code: 'file-too-large', message: 'The file is over the 1 KiB limit for study annotations; it is not validated.', start: 0, end: 2, data: { size: 11, limit: 10 } });
    assert.equal(prepareText('\ufeff'.concat('x'.repeat(10)), 10).fatal, undefined, 'the BOM does not count');
    assert.equal(DEFAULT_MAX_SIZE, 256 * 1024);
  });
  it('says the limit in KiB rounded up, or in MiB from 1 MiB, and ends the range at the first line or 200 characters', () => {
    assert.match(tooLarge('x', 1, 1023).message, / 1 KiB limit/);
    assert.match(tooLarge('x', 1, 1025).message, / 2 KiB limit/);
    assert.match(tooLarge('x', 1, 1024 * 1024 - 1).message, / 1024 KiB limit/);
    assert.match(tooLarge('x', 1, 1024 * 1024).message, / 1\.0 MiB limit/);
    assert.match(tooLarge('x', 1, 2.5 * 1024 * 1024).message, / 2\.5 MiB limit/);
    assert.deepEqual([tooLarge('y'.repeat(500), 0, 1).end, tooLarge('y'.repeat(50), 0, 1).end, tooLarge('\nyy', 0, 1).end], [200, 50, 0]);
  });
  it('stops at a NUL byte, there', () => {
    assert.deepEqual(prepareText('a: 1\n\u0000b').fatal, { code: 'file-binary', message: 'This file holds binary data (a NUL byte), not YAML text; it is not validated.', start: 5, end: 6, data: { reason: 'nul' } });
    assert.deepEqual(prepareText('\ufeff\u0000').fatal?.start, 0, 'offsets are into the text without its BOM');
  });
});

describe('bytes as UTF-8', () => {
  it('decode strictly, keeping a BOM for prepareText to remove', () => {
    assert.deepEqual(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa9])), { text: '\ufeffaé' });
  });
  it('invalid UTF-8 is one problem at the first bad character', () => {
    const r = decodeUtf8(new Uint8Array([0x61, 0x62, 0xff, 0x63]));
    assert.deepEqual([r.text, r.fatal], ['ab\ufffdc', { code: 'file-binary', message: 'This file is not valid UTF-8 text (binary data or another encoding); it is not validated.', start: 2, end: 3, data: { reason: 'invalid-utf8' } }]);
    assert.equal(decodeUtf8(new Uint8Array([0xc3])).fatal?.start, 0);
  });
});
