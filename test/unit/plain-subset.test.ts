import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Document, isMap, isPair, isScalar, isSeq, Pair, parseDocument, Scalar, Schema, YAMLMap } from 'yaml';
import { MAX_DEPTH } from '../../src/core/yaml/depth';
import { layoutOf } from '../../src/core/yaml/layout';
import { parsePart } from '../../src/core/yaml/part';
import { parsePlainSubset, SUBSET_MAX_DEPTH } from '../../src/core/yaml/plain-subset';
import { EXAMPLES, read, runs, studyFiles } from '../helpers/studies';
import { editsOf, nestedTexts, subsetTexts } from '../helpers/subset-texts';

/** Everything of a node that the core or a reader of the node could see. */
function shape(node: unknown): unknown {
  if (isMap(node) || isSeq(node)) {
    return { kind: isMap(node) ? 'map' : 'seq', range: node.range, flow: Boolean(node.flow), items: node.items.map((i: unknown) => (isPair(i) ? { key: shape(i.key), value: shape(i.value) } : shape(i))) };
  }
  if (isScalar(node)) {
    return { value: node.value, range: node.range, type: node.type, source: node.source, format: node.format, minFractionDigits: node.minFractionDigits };
  }
  return { other: String(node) };
}

/** The keys a mapping already has, in document order: what the subset notes as duplicates, read from the library's nodes. */
function duplicatesOf(node: unknown, out: { name: string; start: number; end: number }[] = []): { name: string; start: number; end: number }[] {
  if (isSeq(node)) for (const item of node.items) duplicatesOf(item, out);
  if (isMap(node)) {
    const seen = new Set<string>();
    for (const pair of node.items) {
      const key = pair.key as { value: unknown; range: [number, number, number] };
      const name = String(key.value);
      if (seen.has(name)) out.push({ name, start: key.range[0], end: key.range[1] });
      seen.add(name);
      duplicatesOf(pair.value, out);
    }
  }
  return out;
}

const LIBRARY = { prettyErrors: false, uniqueKeys: false, keepSourceTokens: false, strict: true, logLevel: 'error' } as const;

/** Holds an accepted text to the library: no error, the same nodes and ranges, the same value (own properties included). */
function agreesWithLibrary(text: string): boolean {
  const fast = parsePlainSubset(text);
  if (!fast) return true;
  const doc = parseDocument(text, LIBRARY);
  assert.deepEqual([...doc.errors, ...doc.warnings].map((e) => e.code), [], `accepted, but the library reports an error: ${JSON.stringify(text)}`);
  assert.deepEqual(shape(fast.root), shape(doc.contents), JSON.stringify(text));
  assert.deepEqual(fast.value, doc.toJS(), JSON.stringify(text));
  assert.deepEqual(fast.duplicateKeys, duplicatesOf(doc.contents), JSON.stringify(text));
  return true;
}

/** The pieces a study is parsed in: the whole text, each section's head and each run of items. */
function piecesOf(text: string): string[] {
  const out = [text];
  for (const s of layoutOf(text) ?? []) {
    out.push(text.slice(s.start, s.items ? s.items[0]?.start : s.end));
    for (const r of s.items ?? []) out.push(text.slice(r.start, r.end));
  }
  return out;
}

const examplePieces = studyFiles(EXAMPLES).flatMap((f) => piecesOf(read(f)));

describe('plain subset parser', () => {
  it('agrees with the yaml library on nested studies with comments and blank lines anywhere', () => {
    fc.assert(fc.property(nestedTexts, agreesWithLibrary), { numRuns: runs(1500) });
  });

  it('agrees with the yaml library on lines at the edge of the subset, and accepts none the library rejects', () => {
    fc.assert(fc.property(subsetTexts, agreesWithLibrary), { numRuns: runs(1500) });
  });

  it('agrees with the yaml library on small edits of every example', () => {
    fc.assert(fc.property(editsOf(examplePieces), agreesWithLibrary), { numRuns: runs(1500) });
  });

  it('parses every piece of every valid example itself', () => {
    const left = examplePieces.filter((p) => !parsePlainSubset(p));
    assert.deepEqual(left, []);
    for (const p of examplePieces) agreesWithLibrary(p);
  });

  // Each a boundary of the subset: accepted here, so a change that leaves it to the library shows.
  const accepted: [string, string, unknown][] = [
    ['a list of snake_case keys', 'dose_2: 1\n_x: y\n', { dose_2: 1, _x: 'y' }],
    ['a list at an indent', '  - a\n  - b\n', ['a', 'b']],
    ['a compact mapping in an item', '- id: a\n  label: b\n- c\n', [{ id: 'a', label: 'b' }, 'c']],
    ['an item whose mapping starts below', '-\n  k: 1\n', [{ k: 1 }]],
    ['empty values', 'a:\nb:   \nc:\n', { a: null, b: null, c: null }],
    ['an empty value with a comment', 'a: # c\nb: 1\n', { a: null, b: 1 }],
    ['an empty last item', '- a\n-\n', ['a', null]],
    ['the core schema', 'a: -5\nb: 0x1F\nc: .inf\nd: 1.50\ne: ~\nf: TRUE\ng: 012\nh: 1e3\ni: yes\n', { a: -5, b: 31, c: Infinity, d: 1.5, e: null, f: true, g: 12, h: 1000, i: 'yes' }],
    ['colons and hashes inside a value', 'a: 10:30 C# http://x.org/a#b\n', { a: '10:30 C# http://x.org/a#b' }],
    ['a comment after a value', 'a: x y   # c\n', { a: 'x y' }],
    ['quoted values', `a: 'x: y' # c\nb: "z # w"\nc: ''\n`, { a: 'x: y', b: 'z # w', c: '' }],
    ['flow lists', 'a: [x,  y ,z]  # c\nb: [ ]\nc: [-1, "q", \'r\']\n', { a: ['x', 'y', 'z'], b: [], c: [-1, 'q', 'r'] }],
    ['flow mappings', 'a: { value: 1.5, unit: mL, as_reported: 1.5 cc }\nb: {}\n', { a: { value: 1.5, unit: 'mL', as_reported: '1.5 cc' }, b: {} }],
    ['a folded scalar', 'a: >-\n  one\n  two\n\n  three\n\n\n  four\nb: 1\n', { a: 'one two\nthree\n\nfour', b: 1 }],
    ['a literal scalar', 'a: |\n  one\n\n  two\n', { a: 'one\n\ntwo\n' }],
    ['a literal scalar with its indent and a hash', '- |-\n    # one\n    two\n', ['# one\ntwo']],
    ['comments at the collection indent and at column 0', 'a:\n  b: 1\n  # c\n# d\n  e: 2\n', { a: { b: 1, e: 2 } }],
    ['a duplicate key, the last one kept', 'a: 1\na: 2\n', { a: 2 }],
    ['a __proto__ key as an own property', '__proto__: 1\n', JSON.parse('{"__proto__": 1}')],
    ['no final newline', 'a: 1', { a: 1 }],
    ['CRLF line ends', 'a: x  \r\nb: # c\r\nc:\r\nd: [e, "f"]\r\n', { a: 'x', b: null, c: null, d: ['e', 'f'] }],
    ['CRLF in a list', '- a\r\n- k: v\r\n  l: w\r\n', ['a', { k: 'v', l: 'w' }]],
    ['CRLF in block scalars, read as LF', 'a: |\r\n  one\r\n\r\n  two\r\nb: >-\r\n  c\r\n  d\r\n', { a: 'one\n\ntwo\n', b: 'c d' }],
    ['an empty value at the end of the text', 'a: 1\nb:', { a: 1, b: null }],
    ['an empty item at the end of the text', '- a\n-', ['a', null]],
    ['a quoted value at the end of the text', "a: 'q'", { a: 'q' }],
    ['a compact mapping whose first value is empty', '- k:\n- l: 1\n', [{ k: null }, { l: 1 }]],
    ['keys at the edges of the letters and digits', 'A: 1\nZ: 2\na09: 3\nz_: 4\n', { A: 1, Z: 2, a09: 3, z_: 4 }],
    ['an item mapping with an underscore key', '- _k: 1\n- a_b: 2\n', [{ _k: 1 }, { a_b: 2 }]],
    ['an item mapping whose only key ends the text', '- k:', [{ k: null }]],
    ['an empty mapping value after a comment', 'a: 1\n# c\nb:\nc: 2\n', { a: 1, b: null, c: 2 }],
    ['a backslash in single quotes', "a: 'C:\\data'\n", { a: 'C:\\data' }],
    ['trailing spaces on the last line', 'a: 1\n   ', { a: 1 }],
    ['a blank line of spaces between items', 'a:\n  b: 1\n      \n  c: 2\n', { a: { b: 1, c: 2 } }],
    ['a comment after the last item at column 0', 'a: 1\n# c\n', { a: 1 }],
    ['spaces after a block scalar header', 'a: |  \n  x\n', { a: 'x\n' }],
    ['a block scalar with a blank line of its own indent', 'a: |\n  one\n  \n  two\n', { a: 'one\n\ntwo\n' }],
    ['a block scalar followed by spaces at the end of the text', 'a: |\n  x\n  ', { a: 'x\n' }],
  ];
  for (const [name, text, value] of accepted) {
    it(`accepts ${name}`, () => {
      const fast = parsePlainSubset(text);
      assert.ok(fast, 'left to the library');
      assert.deepEqual(fast.value, value);
      agreesWithLibrary(text);
    });
  }

  // Each outside the subset, or where the library's ranges depend on what it alone tracks.
  const left: [string, string][] = [
    ['an anchor', 'a: &x 1\n'],
    ['an alias', 'a: *x\n'],
    ['a tag', 'a: !t 1\n'],
    ['an escape', 'a: "x\\ty"\n'],
    ['a doubled single quote', "a: 'it''s'\n"],
    ['a tab', 'a:\tb\n'],
    ['a CR that does not end a line with its LF', 'a: 1\rb: 2\n'],
    ['a BOM', '\ufeffa: 1\n'],
    ['a NEL', 'a: x\u0085y\n'],
    ['a line separator', 'a: x\u2028y\n'],
    ['a control character', 'a: \u0007\n'],
    ['a plain value over two lines', 'a: one\n  two\n'],
    ['a quoted value over two lines', 'a: "one\n  two"\n'],
    ['an unclosed quote', "a: 'one\n"],
    ['a nested flow collection', 'a: {b: {c: 1}}\n'],
    ['a flow value with a colon', 'a: [b: c]\n'],
    ['a flow value with a comment', 'a: [b #c\n  ]\n'],
    ['a flow collection over two lines', 'a: [b,\n  c]\n'],
    ['a trailing comma', 'a: [b, c,]\n'],
    ['an empty flow entry', 'a: [, b]\n'],
    ['an empty flow mapping value', 'a: {b: }\n'],
    ['text after a flow collection', 'a: [b] c\n'],
    ['text after a quote', "a: 'b' c\n"],
    ['a dash and a comma in a flow collection', 'a: [-, b]\n'],
    ['a keep indicator', 'a: |+\n  x\n'],
    ['an indentation indicator', 'a: |2\n  x\n'],
    ['a comment after a block scalar header', 'a: | # c\n  x\n'],
    ['text after a block scalar header', 'a: |x     y\n'],
    ['a more indented line in a block scalar', 'a: >\n  x\n    y\n'],
    ['a blank line before a block scalar', 'a: |\n\n  x\n'],
    ['a deeper blank line in a block scalar', 'a: |\n  x\n     \n  y\n'],
    ['an empty block scalar', 'a: |\nb: 1\n'],
    ['a block scalar at the end without a newline', 'a: |\n  x'],
    ['a list at its key indent', 'a:\n- b\n'],
    ['a key at its list indent', '- a\nb: 1\n'],
    ['a deeper line after a value', 'a: 1\n  b: 2\n'],
    ['a comment deeper than a value', 'a: x\n  # c\nb: 1\n'],
    ['a comment after an empty value', 'a:\n# c\n'],
    ['a comment before an empty value', '- a\n# c\n-\n'],
    ['a blank line after an empty value with a comment', 'a: # c\n\nb: 1\n'],
    ['an empty value with a comment at the end', 'a: # c\n'],
    ['a comment that ends an indented collection', '  a: 1\n  # c\n'],
    ...['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE'].map((w): [string, string] => [`a key that is ${w}`, `${w}: 1\n`]),
    ['a quoted key', '"a": 1\n'],
    ['a key with a dash', 'a-b: 1\n'],
    ['a scalar with a colon inside', 'a:b\n'],
    ['a key on a value line at the end of the text', 'a: b:'],
    ['a comment right after a quote', "a: 'q'#c"],
    ['a comment inside a flow collection', 'a: [b #c]'],
    ['text after a quote in a flow collection', 'a: ["b" c]'],
    ['a dash and a space in a flow collection', 'a: [- b]'],
    ['a dash and a closer', 'a: [-]\n'],
    ['a dash as a flow mapping value', 'a: {b: -}\n'],
    ['a flow scalar opening a nested list', 'a: [a[b]\n'],
    ['a flow scalar opening a nested mapping', 'a: [a{b]\n'],
    ['an unclosed flow collection', 'a: [b'],
    ['an empty block scalar at the end', 'a: |\n'],
    ['an unclosed quote at the end', "a: 'one"],
    ['a flow value starting with a question mark', 'a: [?b]\n'],
    ['a flow value starting with a colon', 'a: [:b]\n'],
    ['a key on a value line', 'a: b: c\n'],
    ['a value ending in a colon', 'a: b:\n'],
    ['an item that is a list', '- - a\n'],
    ['a value that is a list indicator', 'a: - b\n'],
    ['an explicit key', '? a\n: b\n'],
    ['a value starting with a colon', 'a: :b\n'],
    ['a value starting with a question mark', 'a: ?d\n'],
    ['a value starting with an indicator', 'a: %b\n'],
    ['a document marker', '---\na: 1\n'],
    ['a scalar document', 'a\n'],
    ['comments only', '# c\n'],
    ['an empty text', ''],
  ];
  for (const [name, text] of left) {
    it(`leaves ${name} to the library`, () => {
      assert.equal(parsePlainSubset(text), undefined);
    });
  }

  it('makes __proto__ an own property as the library does, with the same attributes', () => {
    const text = '__proto__: 1\n__proto__: [a]\nb: 2\n';
    const fast = parsePlainSubset(text)?.value as object;
    const library = parseDocument(text, LIBRARY).toJS() as object;
    assert.deepEqual(Object.getOwnPropertyDescriptors(fast), Object.getOwnPropertyDescriptors(library));
    assert.equal(Object.getPrototypeOf(fast), Object.prototype);
  });

  it('notes duplicate keys in block and flow mappings, nested ones too, in document order', () => {
    const text = 'a: 1\nb:\n  c: 1\n  c: {d: 1, d: 2}\na: 3\n';
    assert.deepEqual(parsePlainSubset(text)?.duplicateKeys, [
      { name: 'c', start: 17, end: 18 },
      { name: 'd', start: 27, end: 28 },
      { name: 'a', start: 33, end: 34 },
    ]);
    assert.deepEqual(parsePlainSubset('a: 1\nb: {a: 1}\n- x\n'), undefined);
    assert.deepEqual(parsePlainSubset('a: 1\nb: {a: 1}\n')?.duplicateKeys, [], 'the same name in another mapping');
  });

  const nested = (levels: number, seq: boolean) =>
    Array.from({ length: levels }, (_, i) => `${' '.repeat(2 * i)}${seq ? '-' : 'a:'}`).join('\n') + ' 1\n';
  it(`takes collections nested ${SUBSET_MAX_DEPTH} deep and leaves deeper ones to the depth scan and the library`, () => {
    assert.equal(SUBSET_MAX_DEPTH, 32);
    for (const seq of [false, true]) {
      assert.ok(parsePlainSubset(nested(SUBSET_MAX_DEPTH, seq)), `${seq ? 'lists' : 'mappings'} at the depth`);
      assert.equal(parsePlainSubset(nested(SUBSET_MAX_DEPTH + 1, seq)), undefined, `${seq ? 'lists' : 'mappings'} past it`);
      // Beside each other, collections do not add up.
      assert.ok(parsePlainSubset(`${nested(SUBSET_MAX_DEPTH, seq)}${seq ? '' : 'b: 1\n'}`));
    }
    // Past the depth limit itself, the library never sees the text.
    assert.deepEqual(parsePart(nested(MAX_DEPTH + 1, false)).problems.map((p) => p.code), ['yaml-too-deep']);
    assert.deepEqual(parsePart(nested(MAX_DEPTH, false)).problems, []);
  });

  it('builds nodes that are the library\'s to every reader: type guards, classes, clone, toJSON, schema', () => {
    const fast = parsePlainSubset('a: [x, 1]\nb:\n  - c: d\n')?.root;
    const library = parseDocument('a: [x, 1]\nb:\n  - c: d\n', LIBRARY).contents;
    assert.ok(isMap(fast) && isMap(library));
    const pairs = [fast.items[0], library.items[0]];
    for (const pair of pairs) assert.ok(isPair(pair) && isScalar(pair.key) && isSeq(pair.value));
    assert.ok(fast instanceof YAMLMap && fast.items[0] instanceof Pair && fast.items[0].key instanceof Scalar);
    assert.ok(fast.schema instanceof Schema, 'a collection has its schema');
    assert.deepEqual(fast.toJSON(), library.toJSON());
    const copy = fast.clone();
    assert.ok(isMap(copy));
    assert.deepEqual(shape(copy), shape(fast));
    assert.equal(String(new Document(fast)), String(new Document(library)));
    assert.deepEqual(Object.keys(fast.items[0]?.key as object), Object.keys(library.items[0]?.key as object), 'the same enumerable fields');
  });

  it('is used by parsePart, which still finds duplicate keys on it', () => {
    const part = parsePart('a: 1\nb: 2\na: 3\n');
    assert.deepEqual(part.value, { a: 3, b: 2 });
    assert.deepEqual(part.problems.map((p) => [p.code, p.start, p.end]), [['yaml-duplicate-key', 10, 11]]);
    assert.equal(part.unusable, false);
    assert.ok(isMap(part.root));
  });
});
