// Each invisible character is named as a curator would look it up (survivors of safe.ts's
// mutation run): the names written out here, and the control and format classes at their edges.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstInvisible } from '../../src/core/text/safe';

const NAMED: Record<number, string> = {
  0x200b: 'zero width space',
  0x200c: 'zero width non-joiner',
  0x200d: 'zero width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero width no-break space',
  0x00ad: 'soft hyphen',
  0x1b: 'escape',
  0x07: 'bell',
};
const hex = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');

describe('naming the first invisible character', () => {
  it('by its name where it has one', () => {
    for (const [code, name] of Object.entries(NAMED)) assert.equal(firstInvisible(`t1${String.fromCharCode(Number(code))}`), `U+${hex(Number(code))} (${name})`);
  });
  it('else as a control character (C0, DEL and C1) or a format character', () => {
    assert.equal(firstInvisible('a\u001fb'), 'U+001F (a control character)');
    assert.equal(firstInvisible('a\u007fb'), 'U+007F (a control character)');
    assert.equal(firstInvisible('a\u009fb'), 'U+009F (a control character)');
    assert.equal(firstInvisible('a\u061cb'), 'U+061C (a format character)');
    assert.equal(firstInvisible('plain text'), undefined);
  });
  it('the first of several, call after call', () => {
    assert.equal(firstInvisible('a\u200bb\u200c'), 'U+200B (zero width space)');
    assert.equal(firstInvisible('a\u200bb\u200c'), 'U+200B (zero width space)');
  });
});
