import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { cursorContext, hoverAt, quickFixes, validate, validateFile, ValidationSession } from '../../src/core';

const validateBytes = (bytes: Uint8Array) => validateFile(bytes).problems;
import path from 'node:path';
import { EXAMPLES, read, runs, trial } from '../helpers/studies';

const broken = trial((b) => b.replace('route: intravenous', 'route: IV').replace('at: 4 wk', 'at: 4 weeks'));
const where = (text: string) => validate(text).map((p) => `${p.code}@${p.line}:${p.column}-${p.endLine}:${p.endColumn}`);

describe('line endings, BOM and encodings', () => {
  it('CRLF gives the same lines and columns as LF', () => {
    assert.deepEqual(where(broken.replace(/\n/g, '\r\n')), where(broken));
  });
  it('a UTF-8 BOM gives the same lines and columns, and offsets that point into the input', () => {
    const withBom = '\ufeff' + broken;
    assert.deepEqual(where(withBom), where(broken));
    const p = validate(withBom).find((x) => x.code === 'schema-enum');
    assert.equal(withBom.slice(p?.start, p?.end), 'IV');
  });
  it('CRLF and BOM from bytes match too', () => {
    const bytes = new TextEncoder().encode('\ufeff' + broken.replace(/\n/g, '\r\n'));
    assert.deepEqual(
      validateBytes(bytes).map((p) => `${p.code}@${p.line}:${p.column}`),
      validate(broken).map((p) => `${p.code}@${p.line}:${p.column}`),
    );
  });
  it('invalid UTF-8 is one clear binary problem', () => {
    const bytes = new Uint8Array([0x73, 0x74, 0x75, 0x64, 0x79, 0x3a, 0x20, 0xff, 0xfe, 0x0a]);
    const problems = validateBytes(bytes);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.code, 'file-binary');
    assert.match(problems[0]?.message ?? '', /not valid UTF-8/);
  });
  it('a PNG is one clear binary problem', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    assert.deepEqual(validateBytes(png).map((p) => p.code), ['file-binary']);
  });
  it('the size limit is an option and yields one problem', () => {
    const problems = validate(trial(), { maxSize: 100 });
    assert.deepEqual(problems.map((p) => p.code), ['file-too-large']);
  });
  // Speed is the bench's to measure (npm run bench); an expanded bomb would never finish, and the runner's timeout says so.
  it('an alias bomb is refused, not expanded', { timeout: 60_000 }, () => {
    let text = 'a0: &a0 [x,x,x,x,x,x,x,x,x,x]\n';
    for (let i = 1; i < 12; i++) text += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(',')}]\n`;
    const problems = validate(text);
    assert.deepEqual(problems.map((p) => p.code), ['yaml-alias-limit']);
  });
  it('a hostile __proto__ key does not change prototypes', () => {
    const problems = validate('__proto__:\n  polluted: true\nstudy: {}\n');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.ok(problems.some((p) => p.code === 'schema-unknown-property' && p.data.property === '__proto__'));
  });
  it('a file with thousands of problems lists 1000 and says how many more', () => {
    const text = Array.from({ length: 5_000 }, (_, i) => `k${i}: v`).join('\n');
    const problems = validate(text);
    assert.equal(problems.length, 1001);
    assert.equal(problems[1000]?.code, 'too-many-problems');
    const hidden = Number(problems[1000]?.data.hidden);
    assert.equal(hidden, 5_000 + 2 - 1000, 'the 5,000 unknown keys and the two missing sections, less the 1000 listed');
  });
  it('an empty file, or one of blank lines and comments, gets one problem saying it is empty', () => {
    for (const text of ['', '\n\n', '# only a comment\n', '\ufeff   \r\n# x']) {
      assert.deepEqual(validate(text).map((p) => [p.code, p.start, p.end]), [['file-empty', text.startsWith('\ufeff') ? 1 : 0, text.startsWith('\ufeff') ? 1 : 0]], JSON.stringify(text));
    }
  });
});

describe('one fault, one problem', () => {
  const base = read(path.join(EXAMPLES, 'nurudhin-2025-sle-secretome.study.yaml'));
  const lineOf = (text: string, fragment: string) => text.slice(0, text.indexOf(fragment)).split('\n').length;
  const cases: [string, string, string, string][] = [
    // name, edit from, edit to, expected code; the problem is on the edited line
    ['a duplicate key', '  status: published\n', '  status: published\n  status: completed\n', 'yaml-duplicate-key'],
    ['a tab', '    role: experimental\n', '\trole: experimental\n', 'yaml-tab-indent'],
    ['a nested key on one line', '    role: experimental\n', '    role: experimental: x\n', 'yaml-syntax'],
    ['a key indented one space short', '    role: experimental\n', '   role: experimental\n', 'yaml-indentation'],
    ['a missing colon', '    role: experimental\n', '    role experimental\n', 'yaml-syntax'],
    ['an unclosed quote', 'title: ', 'title: "', 'yaml-syntax'],
  ];
  for (const [name, from, to, code] of cases) {
    it(`${name}: only ${code}, on its line`, () => {
      const text = base.replace(from, to);
      const problems = validate(text).filter((p) => p.severity !== 'info');
      assert.deepEqual(problems.map((p) => p.code), [code], problems.map((p) => `${p.line} ${p.code} ${p.message}`).join('\n'));
      assert.equal(problems[0]?.line, lineOf(text, to) + (to.startsWith('  status: published\n') ? 1 : 0));
    });
  }
  it('names a missing closing quote at the quote, in words', () => {
    const text = 'study:\n  id: x\n  title: "Unclosed title\n  type: cohort\n  status: planned\ndesign:\n  allocation: "x"\n';
    const p = validate(text).find((x) => x.code === 'yaml-syntax');
    assert.equal(text.slice(p?.start, p?.end), '"Unclosed title');
    assert.match(p?.message ?? '', /^This double quote is never closed, so the value runs on over the lines below; add the closing " where the value ends\.$/);
    const single = "study:\n  id: x\n  title: 'It''s open\n  type: cohort\n";
    const q = validate(single).find((x) => x.code === 'yaml-syntax');
    assert.equal(single.slice(q?.start, q?.end), "'It''s open");
  });
  it('keeps problems the error does not explain: other sections of a split file', () => {
    const text = base.replace('    role: experimental\n', '\trole: experimental\n').replace('route: intramuscular', 'route: IM');
    const codes = validate(text).filter((p) => p.severity !== 'info').map((p) => p.code);
    // The route is in the same section (arms) as the tab, so it is not reported; the missing masking level elsewhere is.
    assert.deepEqual(codes, ['yaml-tab-indent']);
    const elsewhere = base.replace('    role: experimental\n', '\trole: experimental\n').replace('  status: published\n', '  status: publishd\n');
    assert.deepEqual(validate(elsewhere).filter((p) => p.severity !== 'info').map((p) => p.code).sort(), ['schema-enum', 'yaml-tab-indent']);
  });
});

describe('deep nesting', () => {
  const deep = (n: number): Record<string, string> => ({
    flow: `study:\n  id: x\nextra: ${'['.repeat(n)}${']'.repeat(n)}\n`,
    'flow mappings': `study:\n  id: x\nextra: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`,
    dashes: `study:\n  id: x\nextra:\n  ${'- '.repeat(n)}x\n`,
    indentation: `study:\n  id: x\nextra:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(2 + i)}a${i}:`).join('\n')} 1\n`,
  });
  for (const [kind, text] of Object.entries(deep(2000))) {
    it(`${kind}: one problem at the first line past the limit, the same every time`, () => {
      // 2,000 indented levels are 2 MB: over the default size limit, which would answer first.
      const options = { maxSize: 4 * 1024 * 1024 };
      const first = validate(text, options);
      assert.deepEqual(first.map((p) => p.code), ['yaml-too-deep']);
      assert.deepEqual(validate(text, options), first, 'deterministic');
      assert.equal(first[0]?.line, kind === 'indentation' ? 4 + 63 : 3 + (kind === 'dashes' ? 1 : 0)); // `extra` at level 1, a0 at 2, a63 at 65
    });
  }
  it('accepts nesting at the limit', () => {
    for (const text of Object.values(deep(58))) assert.ok(!validate(text).some((p) => p.code === 'yaml-too-deep' || p.message.includes('call stack')));
  });
});

describe('aliases', () => {
  it('an alias with no anchor before it is one problem where it is written, and the rest is still validated', () => {
    const text = 'study:\n  id: x\n  title: *later\n  type: narrative review\n  status: planned\nreview:\n  scope: &later s\n  themes: [*nowhere]\ncuration:\n  curator: a\n  date: 2026-11-22\n  status: draft\n  schema_version: 1.0.0\n  extra: 1\n';
    const problems = validate(text);
    assert.deepEqual(problems.map((p) => [p.code, text.slice(p.start, p.end)]), [
      ['yaml-unresolved-alias', '*later'],
      ['yaml-unresolved-alias', '*nowhere'],
      ['schema-unknown-property', 'extra'],
    ]);
  });
  it('an alias after its anchor is fine', () => {
    assert.deepEqual(validate('study: &s {id: x}\ncopy: *s\n').filter((p) => p.code.startsWith('yaml-')), []);
  });
});

describe('editor requests on hostile text', () => {
  // U+2028 and U+2029 end a line for a JavaScript regex's `.` but not for YAML: a line reader
  // that assumed its pattern always matched threw on them, from completion and hover.
  const HOSTILE = ['\u2028', '\u2029', '\u0085', '\r', '\u0000', '\ufeff', '\t', '"', "'", '#', '- ', ': ', '[', '{', '\\', '\ud800'];
  it('completion context, hover and quick fixes answer at every offset without throwing', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.array(fc.tuple(fc.nat(10_000), fc.constantFrom(...HOSTILE)), { minLength: 1, maxLength: 4 }), (at, inserts) => {
        let text = broken;
        for (const [where, what] of inserts) {
          const i = where % (text.length + 1);
          text = text.slice(0, i) + what + text.slice(i);
        }
        const offset = at % (text.length + 1);
        cursorContext(text, offset);
        hoverAt(text, offset, new ValidationSession().run(text).parsed);
        hoverAt(text, offset);
        const result = new ValidationSession().run(text);
        for (const p of result.problems) quickFixes(p, result);
      }),
      { numRuns: runs(300) },
    );
  });
  it('a line separator inside a value, a key and a comment', () => {
    for (const text of ['study:\n  id: a\u2028b\n  ', 'study:\n  ti\u2029', 'study:\n  # a\u2028b: c\n  ', 'a\u2028b: 1\n']) {
      assert.doesNotThrow(() => cursorContext(text, text.length), JSON.stringify(text));
      assert.doesNotThrow(() => hoverAt(text, text.length - 2), JSON.stringify(text));
    }
    assert.deepEqual(cursorContext('study:\n  id: a\u2028b\n  ', 21)?.siblings, ['id']);
  });
});
