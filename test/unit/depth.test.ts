// The nesting scan that runs before any parser (firstTooDeep), at small limits so that each
// construct shows: what opens a level (indentation, a dash, a bracket after a key or a dash),
// what does not (brackets in quotes, comments, block scalars, words), where the first line too
// deep is reported, and that the scan never counts less than the library's parse.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isCollection, isPair, parseDocument, type Node } from 'yaml';
import { firstTooDeep } from '../../src/core/yaml/depth';
import { editsOf, nestedTexts, subsetTexts } from '../helpers/subset-texts';
import { EXAMPLES, read, runs, studyFiles } from '../helpers/studies';

type Found = ReturnType<typeof firstTooDeep>;
const at = (offset: number, lineEnd: number, depth: number): Found => ({ offset, lineEnd, depth });

const CASES: [name: string, text: string, limit: number, found: Found][] = [
  ['indentation opens a level', 'a:\n  b:\n    c: 1\n', 2, at(8, 16, 3)],
  ['a nesting at the limit passes', 'a:\n  b:\n    c: 1\n', 3, undefined],
  ['blank lines and comments open nothing', 'a:\n\n  # x\n  b: 1\n', 1, at(10, 16, 2)],
  ['a line back at a lower indentation closes levels', 'a:\n  b: 1\nc: 1\n', 1, at(3, 9, 2)],
  ['brackets after a key open flow levels', 'a: [[1]]', 2, at(0, 8, 3)],
  ['flow at the limit passes', 'a: [[1]]', 3, undefined],
  ['flow mappings too', 'a: {b: {c: 1}}', 2, at(0, 14, 3)],
  ['brackets in double quotes are text', 'a: "[[["', 1, undefined],
  ['brackets in single quotes are text', "a: '[[['", 1, undefined],
  ['an escaped double quote does not close the quotes', 'a: "x\\"[[["', 1, undefined],
  ["a doubled single quote closes and reopens", "a: 'x''[[['", 1, undefined],
  ['a quote inside a word opens nothing', 'a: b"[[', 1, undefined],
  ['brackets inside a word are text', 'a: b[[', 1, undefined],
  ['brackets in a comment are text', 'a: 1 # [[[[', 1, undefined],
  ['a # inside a word is no comment, and the brackets after it are text', 'a: b#[[', 1, undefined],
  ['a comment line at column 0', '#[[[[\na: 1', 1, undefined],
  ['each dash followed by a space opens a list', '- - - x', 2, at(0, 7, 3)],
  ['a dash without a space is text', '-x: [[', 1, at(0, 6, 2)],
  ['a colon without a space is text', 'a:[[', 1, undefined],
  ['a tab after the colon is a space', 'a:\t[[', 1, at(0, 5, 2)],
  ['a comma keeps a flow collection open for the next', 'a: [1], [[', 1, at(0, 10, 2)],
  ['brackets after a list dash', '- [[1]]', 2, at(0, 7, 3)],
  ['brackets after dashes', '- - [1]', 2, at(0, 7, 3)],
  ['a key after a dash', 'a:\n  - b: [1]', 2, at(3, 13, 3)],
  ['a bracket in quotes inside flow is text', 'a: [ "]" , [1]]', 2, at(0, 15, 3)],
  ['a block scalar: its lines are text', 'a: |\n    [[[[\n    - - - -\nb: 1', 1, undefined],
  ['a block scalar ends where the indentation comes back', 'a: |\n    x\nb: [[1]]', 2, at(11, 19, 3)],
  ['a folded block scalar with a blank line inside', 'a: >-\n  [[\n\n  [[\nb: 1', 1, undefined],
  ['flow across lines keeps its levels', 'a: [\n  [\n   [1]]]\n', 2, at(5, 8, 3)],
  ['flow across lines adds the indentation of none of its lines', 'a: [\n  [\n   [1]]]\n', 3, at(9, 17, 4)],
  ['a quoted scalar across lines is text to its closing quote', 'a: "x\n  [[[[\n  "\nb: [1]', 1, at(17, 23, 2)],
  ['the line after a quoted scalar across lines is read again', 'a: "x\n  [[[[\n  "\nb: [[1]]', 2, at(17, 25, 3)],
  ['CRLF: the line ends before its CR', 'a:\r\n  b: [[1]]\r\n', 2, at(4, 14, 3)],
  ['closing brackets never go below no flow', 'a: [1]]]] [[', 1, at(0, 12, 2)],
  // Found by the property below: each was counted a level short.
  ['flow after a key after a dash counts on top of the dash', '- a: [-1, 1.5, ~]', 2, at(0, 17, 3)],
  ['a pair in a flow sequence is a mapping of its own', 'a: [a: b]', 2, at(0, 9, 3)],
  ['a pair after a quoted key with no space', 'a: ["b":c]', 2, at(0, 10, 3)],
  ['a key after a dash is a mapping whose keys the next lines continue', '- a:\n    a: [a, b]', 3, at(5, 18, 4)],
  ["a quote inside a flow word is a letter, not the start of a quoted scalar", "a: [i'n vitro]\nb: [[1]]", 2, at(15, 23, 3)],
  ['a quote after a comma in flow opens a quoted scalar', "a: [x, 'y]']\nb: 1", 1, at(0, 12, 2)],
  ['a quote after an explicit key in flow opens a quoted scalar', 'a: [? "]]", [1]]', 2, at(0, 16, 3)],
  ['a zero-indented list under a key is a level inside its mapping', 'a:\n- b: 1\n  c:\n    d: 1', 3, at(15, 23, 4)],
  ["the next item of a list at its key's column is the same list", 'a:\n- b\n- c\nd: 1', 3, undefined],
  ['the keys under an item continue its mapping', '- a: 1\n  b:\n    c: 1', 3, undefined],
  ['an escaped quote keeps a double-quoted scalar open, brackets and all', 'a: ["x\\", [[1]]]', 2, undefined],
  ['single quotes protect brackets inside flow', "a: [ ']' , [1]]", 2, at(0, 15, 3)],
  ['a pair after a single-quoted key with no space', "a: ['b':c]", 2, at(0, 10, 3)],
  ['a bracket after a closed quote opens nothing', 'a: "x" [[1]]', 1, undefined],
  ['a comment inside flow hides its brackets, and the flow goes on', 'a: [ # ]]]\nb: [[1]]', 3, at(11, 19, 4)],
  ['after a closed flow collection, a comma is text', 'a: [1], [1]', 2, undefined],
  ['a character alone after a colon opens nothing', 'a: ~', 1, undefined],
  ['CRLF: a line too deep from its first word ends before its CR', 'a:\r\n  b:\r\n    c\r\n', 2, at(10, 15, 3)],
  // Found by mutation testing: each was read differently by a changed scan, with no case to show it.
  ["a CR-only line is blank: it closes no level", "a:\r\n  b:\r\n\r\n    c: 1\r\n", 2, at(12, 20, 3)],
  ["a dash on the first line opens a list", "- [1]", 2, at(0, 5, 3)],
  ["a dash after a dash line at the same column is the next item", "- a\n- [1]", 2, at(4, 9, 3)],
  ["a closing bracket with nothing open is text", "a: ]\nb: [[1]]", 2, at(5, 13, 3)],
  ["a colon with no space inside flow is text", "a: [b:c]", 2, undefined],
  ["a bar after a word opens no block scalar", "a: x |\n  [[[\n", 1, at(7, 12, 3)],
  ["a comma where a value starts: the bracket after it still counts (too much, never too little)", "a: ,[1]", 1, at(0, 7, 2)],
  ["a tab before a bracket is a space", "a: \t[1]", 1, at(0, 7, 2)],
  ["each dash of a later line opens a list at its own column", "x:\n  - - a: 1\n      b: [1]", 4, at(14, 26, 5)],
  ["a dash after a word opens nothing", "a: x- [[1]]", 1, undefined],
  ["a question mark after a word opens nothing", "a: x? [[1]]", 1, undefined],
  ["a backslash in single quotes escapes nothing", "a: ['x\\', [[1]]]", 3, at(0, 16, 4)],
  ["a # inside a flow word is no comment", "a: [b#c, [1]]", 2, at(0, 13, 3)],
  ["a quote after a comma in flow protects a bracket", "a: [x, ']' , [1]]", 2, at(0, 17, 3)],
  ["brackets after a block scalar indicator are text", "a: | [[1]]", 2, undefined],
  ["a quote right after an opening bracket opens a quoted scalar", "a: [\"]]\", [1]]", 2, at(0, 14, 3)],
  ["a dash at the end of the text opens a list", "x:\n  b:\n    -", 3, at(8, 13, 4)],
  ["a dash before a CR opens a list", "x:\r\n  b:\r\n    -\r\n", 3, at(10, 15, 4)],
];

describe('nesting depth, exact', () => {
  for (const [name, text, limit, found] of CASES) it(name, () => assert.deepEqual(firstTooDeep(text, limit), found));
  it('a line too deep is reported at its start with its depth, however long the line', () => {
    const text = `a:\n  b:\n    c${'x'.repeat(500)}: 1\n`;
    assert.deepEqual(firstTooDeep(text, 2), at(8, text.length - 1, 3));
  });
  it('the default limit is 64 levels', () => {
    const nested = (n: number) => `a: ${'['.repeat(n)}${']'.repeat(n)}`;
    assert.equal(firstTooDeep(nested(63)), undefined);
    assert.deepEqual(firstTooDeep(nested(64)), at(0, 131, 65));
  });
});

/** The deepest nesting of collections in the library's parse, the root collection counting one. */
function realDepth(node: Node | null | undefined): number {
  if (!isCollection(node)) return 0;
  let deepest = 0;
  for (const item of node.items) {
    const children = isPair(item) ? [item.key as Node, item.value as Node] : [item as Node];
    for (const c of children) deepest = Math.max(deepest, realDepth(c));
  }
  return 1 + deepest;
}

describe('the scan never counts less than the parse', () => {
  const examples = studyFiles(EXAMPLES).map(read);
  it('property: on texts the library parses without error, a depth over the limit is always found', () => {
    fc.assert(
      fc.property(fc.oneof(nestedTexts, subsetTexts, editsOf(examples)), fc.integer({ min: 1, max: 6 }), fc.boolean(), (written, limit, zeroIndented) => {
        // Lists written at their key's own column too ('a:' then '- b').
        const text = zeroIndented ? written.replace(/^( *) {2}(- )/gm, '$1$2') : written;
        const doc = parseDocument(text, { uniqueKeys: false });
        if (doc.errors.length) return;
        if (realDepth(doc.contents) > limit) assert.ok(firstTooDeep(text, limit), `depth ${realDepth(doc.contents)} over ${limit} not found`);
      }),
      { numRuns: runs(400) },
    );
  });
});
