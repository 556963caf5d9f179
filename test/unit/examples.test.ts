import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { validate, validateFile } from '../../src/core';
import { ALL_CODES } from '../../src/core/codes';

const validateBytes = (bytes: Uint8Array) => validateFile(bytes).problems;
import { EXAMPLES, INVALID, read, studyFiles } from '../helpers/studies';

describe('the example annotations', () => {
  const files = studyFiles(EXAMPLES);
  it('has one annotation per seed document', () => {
    assert.equal(files.length, 5);
    const sources = files.map((f) => /source_document: seeds\/(\d{3})_/.exec(read(f))?.[1]).sort();
    assert.deepEqual(sources, ['000', '001', '002', '003', '004']);
  });
  for (const file of files) {
    it(`${path.basename(file)} validates with no errors or warnings`, () => {
      const serious = validate(read(file)).filter((p) => p.severity !== 'info');
      assert.deepEqual(serious.map((p) => `${p.line}:${p.column} ${p.code} ${p.message}`), []);
    });
  }
});

describe('examples/invalid: one file per problem code, marked on the offending line', () => {
  const files = studyFiles(INVALID);
  const demonstrated = new Set<string>();
  for (const file of files) {
    const code = path.basename(file, '.study.yaml');
    it(code, () => {
      const bytes = readFileSync(file);
      const lines = bytes.toString('utf8').split('\n');
      const marked = lines.findIndex((l) => new RegExp(`# problem: ${code}\\b`).test(l));
      assert.notEqual(marked, -1, `no "# problem: ${code}" marker in ${file}`);
      const problems = validateBytes(bytes);
      const hit = problems.find((p) => p.code === code);
      assert.ok(hit, `${code} not reported: ${problems.map((p) => p.code).join(', ')}`);
      assert.equal(hit.line, marked + 1, `${code} reported on line ${hit.line}, marker on line ${marked + 1}`);
      const others = problems.filter((p) => p.code !== code && p.severity !== 'info').map((p) => p.code);
      assert.deepEqual(others, [], 'the file should demonstrate one code only');
      demonstrated.add(code);
    });
  }
  it('covers every code that text can provoke', () => {
    const needsNoFile = ['file-too-large', 'too-many-problems', 'check-failed', 'study-id-duplicate', 'study-extraction-pair'];
    assert.deepEqual(
      ALL_CODES.filter((c) => !needsNoFile.includes(c) && !files.some((f) => path.basename(f) === `${c}.study.yaml`)),
      [],
    );
  });
});
