// A bracket opened and never closed is one problem, at the bracket: the class, over every value
// line of the clean examples, and the brackets that do not count (in quotes, comments, text).
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { validate } from '../../src/core';
import type { ProblemDraft } from '../../src/core/problem';
import { diagnoseUnclosedFlows, unmatchedOpener } from '../../src/core/yaml/unclosed-flow';
import { EXAMPLES, read, trial } from '../helpers/studies';

const said = (text: string) => validate(text).map((p) => `${p.code} ${p.line}:${p.column} ${p.message}`);

describe('a bracket never closed', () => {
  it('is one problem at the bracket, whatever value of a clean example it opens', () => {
    for (const name of ['nurudhin-2025-sle-secretome', 'noor-azlan-2024-msc-secretome-review', 'wang-2025-knee-oa-ucmsc-exosomes']) {
      const lines = read(path.join(EXAMPLES, `${name}.study.yaml`)).split('\n');
      let tried = 0;
      lines.forEach((line, i) => {
        const m = /^(\s*(?:- )?[a-z_]+: )([^[{#"'\s>|].*)$/.exec(line);
        if (!m) return;
        tried++;
        const text = [...lines.slice(0, i), `${m[1]}[${m[2]}`, ...lines.slice(i + 1)].join('\n');
        const column = (m[1] as string).length + 1;
        assert.deepEqual(said(text), [`yaml-syntax ${i + 1}:${column} This list opened with [ is never closed; add the closing ] where it ends.`], `${name}:${i + 1} ${line.trim()}`);
      });
      assert.ok(tried > 30, `${name}: ${tried} lines tried`);
    }
  });
  it('a mapping, and a list item, past blank and comment lines; two in one section are one problem', () => {
    assert.deepEqual(said(trial((t) => t.replace('  allocation: non-randomized\n', '  allocation: {level: x\n\n  # note\n'))), ['yaml-syntax 7:15 This mapping opened with { is never closed; add the closing } where it ends.']);
    assert.deepEqual(said(trial((t) => t.replace('    timepoints: [w4]\n', '    timepoints:\n      - [w4\n'))), ['yaml-syntax 29:9 This list opened with [ is never closed; add the closing ] where it ends.']);
    assert.deepEqual(said(trial((t) => t.replace('  allocation: non-randomized\n', '  allocation: [x\n  masking: [y\n'))), ['yaml-syntax 7:15 This list opened with [ is never closed; add the closing ] where it ends.']);
  });
});

describe('the brackets a line leaves open', () => {
  it('count where they start a value, nested or not, and not inside quotes, comments or plain text', () => {
    const cases: [string, number | undefined][] = [
      ['a: [x', 3],
      ['a: [x, {b: c}', 3],
      ['a: [x] [', undefined],
      ['- {a: [1, 2]', 2],
      ['[a', 0],
      ['a: [x]', undefined],
      ['a: {b: c}', undefined],
      ["a: '[x'", undefined],
      ['a: "[x\\" ["', undefined],
      ["a: 'it''s [x'", undefined],
      ['a: x # [y', undefined],
      ['a: x [y', undefined],
      ["a: don't [x", undefined],
      ['a: [x, "unclosed', undefined],
      ['a: [x, y]]', undefined],
      ['a: [x # ]', 3],
      ['# [x', undefined],
      ['a: ["x]"', 3],
      ['a: ["\\"]"', 3],
      ["a: ['it''s ]'", 3],
      ["a: ['x]', \"y\"]", undefined],
      ['a: [x]#y', undefined],
      ['a: [x#]', undefined],
      ["a: ['x\\', [y", 3],
      ['a: ["x"\', [y', 3],
    ];
    for (const [line, at] of cases) assert.equal(unmatchedOpener(line), at, line);
  });
});

describe('which problems are said at the bracket', () => {
  const draft = (code: string, start: number, yamlCode = 'BAD_INDENT') => ({ code, message: 'm', start, end: start + 1, data: { yamlCode } }) as ProblemDraft;
  const text = 'a:\r\n  b: [x\r\n\r\n    \r\n  # note\r\nc: 1\r\n';
  const next = text.indexOf('c: 1');
  it('a syntax error after the bracket\'s line, across CRLF, empty, blank and comment lines, as a range of one character', () => {
    assert.deepEqual(diagnoseUnclosedFlows(text, [draft('yaml-syntax', next)]), [{ code: 'yaml-syntax', message: 'This list opened with [ is never closed; add the closing ] where it ends.', start: text.indexOf('['), end: text.indexOf('[') + 1, data: { yamlCode: 'MISSING_FLOW_CLOSE' } }]);
  });
  it('an error in the middle or at the end of its line: the bracket is on the line above it', () => {
    const mid = 'a:\n  b: [x\nc: 1\n';
    for (const at of [mid.indexOf(': 1'), mid.indexOf('1\n')]) assert.deepEqual(diagnoseUnclosedFlows(mid, [draft('yaml-syntax', at)]).map((d) => d.start), [mid.indexOf('[')]);
  });
  it('not a quote never closed, another code, an error on the first line, or one after a line with nothing open', () => {
    const kept = [draft('yaml-syntax', next, 'MISSING_CLOSING_QUOTE'), draft('yaml-tab-indent', next), draft('yaml-syntax', 1)];
    assert.deepEqual(diagnoseUnclosedFlows(text, kept), kept);
    const closed = 'a:\n  b: [x]\nc: 1\n';
    assert.deepEqual(diagnoseUnclosedFlows(closed, [draft('yaml-syntax', closed.indexOf('c'))]), [draft('yaml-syntax', closed.indexOf('c'))]);
  });
});

