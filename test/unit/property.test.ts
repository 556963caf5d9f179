import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { validate, type Problem } from '../../src/core';
import { EXAMPLES, read, studyFiles } from '../helpers/studies';

function assertSane(text: string, problems: Problem[]): void {
  for (const p of problems) {
    assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, `range ${p.start}-${p.end} outside 0-${text.length} for ${p.code}`);
    assert.ok(p.line >= 1 && p.column >= 1 && p.endLine >= p.line, `position of ${p.code}`);
    assert.ok(p.message.length > 0);
  }
}

const examples = studyFiles(EXAMPLES).map(read);

describe('validate never throws and keeps every range inside the text', () => {
  it('for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => assertSane(text, validate(text))),
      { numRuns: 400 },
    );
  });

  it('for YAML-ish text built from annotation fragments', () => {
    const token = fc.constantFrom('study:', 'arms:', '  - ', 'id: ', 'dose: ', '1.5 cc', '\n', '  ', ': ', '"', "'", '[', ']', '{', '}', '&a ', '*a', '---\n', '#', '\t', '\r\n', '\ufeff', 'x', '~58', '10*6{cells}/kg');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        assertSane(text, validate(text));
      }),
      { numRuns: 400 },
    );
  });

  it('for mutated example annotations', () => {
    const mutation = fc.record({
      file: fc.nat(examples.length - 1),
      at: fc.nat(),
      del: fc.nat(20),
      insert: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('\n', '  ', '- ', ': ', '\t', '"', '*x', '&x ', '\u0000', '---\n')),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
        let text = examples[mutations[0]?.file ?? 0] as string;
        for (const m of mutations) {
          const at = m.at % (text.length + 1);
          text = text.slice(0, at) + m.insert + text.slice(at + m.del);
        }
        assertSane(text, validate(text));
      }),
      { numRuns: 300 },
    );
  });
});
