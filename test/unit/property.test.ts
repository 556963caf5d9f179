import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ValidationSession, type Problem } from '../../src/core';
import { parsePointer } from '../../src/core/value-path';
import { EXAMPLES, read, runs, studyFiles } from '../helpers/studies';

/**
 * Line and column as VS Code counts them (\r\n, \r and \n end a line; a leading BOM is not
 * part of the document), computed independently of the core.
 */
function vscodePosition(input: string, inputOffset: number): { line: number; column: number } {
  const bom = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = input.slice(bom);
  const offset = inputOffset - bom;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * What every problem must satisfy: its range lies inside the text and never splits a CRLF; its
 * lines and columns agree with its offsets; and a schema problem's range lies inside the node
 * (key and value) that its pointer names.
 */
function assertSane(text: string, session = new ValidationSession()): Problem[] {
  const result = session.run(text);
  for (const p of result.problems) {
    const where = `${p.code} ${p.start}-${p.end}`;
    assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, `${where} outside 0-${text.length}`);
    assert.ok(!(text[p.end - 1] === '\r' && text[p.end] === '\n') || p.end === p.start, `${where} ends between CR and LF`);
    assert.deepEqual({ line: p.line, column: p.column }, vscodePosition(text, p.start), `start of ${where}`);
    assert.deepEqual({ line: p.endLine, column: p.endColumn }, vscodePosition(text, p.end), `end of ${where}`);
    assert.ok(p.message.length > 0 && !p.message.includes('undefined'), `${where}: ${p.message}`);
    const pointer = 'pointer' in p.data ? p.data.pointer : undefined;
    // The root ('/') is the whole text; an unknown property's node is the property, not its parent.
    if (typeof pointer === 'string' && pointer !== '/' && result.parsed && p.code !== 'schema-unknown-property') {
      const node = result.parsed.locate(parsePointer(pointer));
      if (node.found) {
        const from = Math.min(node.key?.start ?? node.value.start, node.value.start) + result.shift;
        const to = Math.max(node.key?.end ?? node.value.end, node.value.end) + result.shift;
        assert.ok(p.start >= from && p.end <= to, `${where} outside its node ${pointer} at ${from}-${to}`);
      }
    }
  }
  return result.problems;
}

const examples = studyFiles(EXAMPLES).map(read);

describe('validate never throws, and every range is exact', () => {
  it('for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        assertSane(text);
      }),
      { numRuns: runs(300) },
    );
  });

  it('for YAML-ish text built from annotation fragments, with every kind of line end', () => {
    const token = fc.constantFrom('study:', 'arms:', '  - ', 'id: ', 'dose: ', '1.5 cc', '\n', '\r', '\r\n', '  ', ': ', '"', "'", '[', ']', '{', '}', '&a ', '*a', '---\n', '#', '\t', '\ufeff', 'x', '~58', '10*6{cells}/kg', '? ', '? [a, b]\n: c\n', '[[[[[[[[[[[[[[[[', '- - - - - - - - ', '\u001b[2J', '\u0007', '\u200b', '\u202e', '\u0085', '\u2028');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (parts) => {
        assertSane(parts.join(''));
      }),
      { numRuns: runs(300) },
    );
  });

  it('for mutated example annotations, also in CRLF and lone-CR form', () => {
    const mutation = fc.record({
      at: fc.nat(),
      del: fc.nat(20),
      insert: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('\n', '\r', '  ', '- ', ': ', '\t', '"', '*x', '&x ', '\u0000', '---\n', 'unknown: 1\n', '[', '{a: ')),
    });
    fc.assert(
      fc.property(fc.nat(examples.length - 1), fc.constantFrom('\n', '\r\n', '\r'), fc.array(mutation, { minLength: 1, maxLength: 5 }), (file, eol, mutations) => {
        let text = (examples[file] as string).replace(/\n/g, eol);
        for (const m of mutations) {
          const at = m.at % (text.length + 1);
          text = text.slice(0, at) + m.insert + text.slice(at + m.del);
        }
        assertSane(text);
      }),
      { numRuns: runs(200) },
    );
  });

  it('a CRLF or lone-CR file gives the problems of its LF form, at the same lines and columns', () => {
    for (const text of examples) {
      const broken = text.replace('route: intravenous', 'route: IV').replace(/schema_version: [0-9.]+/, '$&\n  extra: 1');
      const lf = assertSane(broken);
      assert.ok(lf.length > 0);
      for (const eol of ['\r\n', '\r']) {
        const other = assertSane(broken.replace(/\n/g, eol));
        assert.deepEqual(other.map((p) => [p.code, p.line, p.column, p.endLine, p.endColumn]), lf.map((p) => [p.code, p.line, p.column, p.endLine, p.endColumn]), JSON.stringify(eol));
      }
    }
  });
});
