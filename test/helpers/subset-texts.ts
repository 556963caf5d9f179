import fc from 'fast-check';

/**
 * Texts near the edge of the plain subset of YAML that `parsePlainSubset` accepts: lines of keys,
 * list items, scalars of every resolution, quotes, flow collections, block scalars, comments and
 * blank lines at assorted indents, mixed with what the subset must leave to the library (anchors,
 * tags, escapes, nested flow, tabs, CR, multi-line scalars, document markers, every error).
 */
const KEYS = ['a', 'b', 'id', 'dose_2', '_x', 'null', 'True', 'FALSE', 'y', '"q"', 'x y', '1', 'k-1', '__proto__', 'constructor', 'toString', 'a.b', '<<'];
const VALUES = [
  '', ' ', '1', '-5', '+3', '012', '1.50', '1e3', '-1.5E-3', '0x1F', '0o17', '.inf', '-.Inf', '.nan', '~', 'null', 'Null', 'true', 'False', 'yes', '2025-01-01',
  'x y', 'a: b', 'a:b', 'a:', 'C#', 'x #c', 'x# c', '-x', '- x', '-', '? x', '?x', ': x', ':x', '%x', '@x', '`x', '&a x', '*a', '!t x', '!!str 1',
  "'q'", "'it''s'", "''", "'a' #c", "'a'x", '"d"', '"e\\n"', '""', '"a" # c', '"a"x', '"unclosed', "'unclosed",
  '[a, b]', '[ ]', '[]', '[a,b ,c]', '[a, [b]]', '[a,]', '[,a]', '[a b, "c", \'d\']', '[a: b]', '[a #c]', '[a, b]x', '[a, b] #c', '[unclosed', '[-1, 1.5, ~]',
  '{}', '{ v: 1.5, u: mL }', '{v: 1}', '{a: {b: 1}}', '{a: }', '{a}', '{"a": 1}', '{a: 1, a: 2}', '{a: [1]}', '{a: x y, b: "z"}', '{a:1}',
  '|', '|-', '>', '>-', '|+', '>2', '| #c', '|x',
];
const CONTENT = ['text', 'more text', 'a: b', '# not a comment', '- not an item', '"q"'];

const line = fc.tuple(
  fc.constantFrom(0, 0, 1, 2, 2, 3, 4, 4, 6),
  fc.oneof(
    { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES)).map(([k, v]) => `${k}:${v === '' ? '' : ' '}${v}`) },
    { weight: 3, arbitrary: fc.constantFrom(...VALUES).map((v) => (v === '' ? '-' : `- ${v}`)) },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES)).map(([k, v]) => `- ${k}: ${v}`) },
    { weight: 2, arbitrary: fc.constantFrom(...CONTENT) },
    { weight: 2, arbitrary: fc.constantFrom('# c', '#', '') },
    { weight: 1, arbitrary: fc.constantFrom('---', '...', '- - x', 'a: b: c', 'x', "'q': 1", '? a', ': b', '\ta: 1', 'a: 1\r', 'a: \u0085', 'a: \u200b', '\ufeffa: 1') },
  ),
).map(([indent, text]) => ' '.repeat(indent) + text);

/** Half the texts with CRLF line ends, as files saved on Windows have. */
const crlfOrNot = <T extends string>(texts: fc.Arbitrary<T>) => fc.tuple(texts, fc.boolean()).map(([t, crlf]) => (crlf ? t.replace(/\r?\n/g, '\r\n') : t));

export const subsetTexts = crlfOrNot(fc
  .tuple(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom('', '\n', '\n\n'))
  .map(([lines, end]) => lines.join('\n') + end));

/** Small edits of a real text: characters that matter to YAML, inserted or replacing. */
export const editsOf = (texts: readonly string[]) =>
  crlfOrNot(fc
    .tuple(
      fc.constantFrom(...texts),
      fc.array(fc.record({ at: fc.nat(), del: fc.nat(2), text: fc.constantFrom('', ' ', '  ', '\n', '#', ' #', ':', ': ', '-', '- ', '[', ']', '{', '}', ',', "'", '"', '\\', '|', '>', '&a ', '*a', '!', '\t', '\r', 'x', '0', '.') }), { minLength: 1, maxLength: 3 }),
    )
    .map(([text, edits]) => edits.reduce((t, e) => { const at = e.at % (t.length + 1); return t.slice(0, at) + e.text + t.slice(at + e.del); }, text)));

const INLINE = ['1', '-5', '1.50', '1e3', '~', 'null', 'true', 'x y', 'a:b', 'C#', 'x #c', "'q'", "'a' #c", '"d"', '""', '[a, b]', '[ ]', '[a,b ,c]', '[-1, 1.5, ~]', '{ v: 1.5, u: mL }', '{}', '{a: x y, b: "z"}', '# c', '', '2025-01-01', 'M32', '10*6{cells}/kg', '0.9% NaCl'];

/** Mostly valid nested studies with comments and blank lines anywhere, from one seed: the subset's common case. */
export const nestedTexts = crlfOrNot(fc.integer().map((seed) => {
  let s = seed >>> 0 || 1;
  const rand = (n: number) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
  const pick = <T,>(xs: readonly T[]): T => xs[rand(xs.length)] as T;
  const out: string[] = [];
  const noise = (indent: number) => {
    while (rand(5) === 0) out.push(rand(2) ? '' : `${' '.repeat(rand(indent + 5))}# n`);
  };
  const block = (indent: number, depth: number, seq: boolean) => {
    const n = 1 + rand(3);
    for (let i = 0; i < n; i++) {
      const lead = ' '.repeat(indent) + (seq ? '-' : pick(['a', 'id', 'dose', 'b_2', '__proto__', 'constructor']) + ':');
      const kind = depth > 3 ? 0 : rand(6);
      if (kind <= 2) out.push(`${lead} ${pick(INLINE)}`.trimEnd());
      else if (kind === 3) {
        out.push(`${lead} ${pick(['|', '>', '|-', '>-'])}`);
        const m = indent + 1 + rand(3);
        for (let j = 0, k = 1 + rand(3); j < k; j++) out.push(rand(4) ? ' '.repeat(m) + pick(['text', 'more text', '# t']) : '');
      } else if (kind === 4 && seq) {
        out.push(`${lead} ${pick(['id', 'arm'])}: ${pick(INLINE)}`.trimEnd());
        block(indent + 2, depth + 1, false);
      } else {
        out.push(rand(4) ? lead : `${lead} # c`);
        noise(indent);
        block(indent + 1 + rand(3), depth + 1, rand(2) === 0);
      }
      noise(indent);
    }
  };
  noise(0);
  block(rand(3), 0, rand(2) === 0);
  return out.join('\n') + pick(['', '\n', '\n\n']);
}));
