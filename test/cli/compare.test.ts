// `study-annotator compare`: each format over the examples, --out, .studyignore, usage errors.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers/studies';
import { cli } from '../helpers/cli';

describe('study-annotator compare', () => {
  it('md by default: the five examples as columns (examples/invalid ignored), overview and endpoints', async () => {
    const r = await cli(['compare', 'examples']);
    assert.equal(r.status, 0);
    assert.equal(r.stderr, '');
    const header = r.stdout.split('\n').find((l) => l.startsWith('| |'));
    assert.equal(header?.split('|').length, 8, header);
    assert.match(r.stdout, /^# Compared trials\n\n## Overview\n/);
    assert.match(r.stdout, /\| Dose \(normalised\) \|[^\n]*t1: 0\.15 mL · t2: 0\.3 mL/);
    assert.match(r.stdout, /## Endpoints[\s\S]*\| SLE disease activity \(SLEDAI-2K, MEX-SLEDAI\) \|/);
  });
  it('json is the whole comparison; csv and csv-wide have their headers; --out writes a file', async () => {
    const json = JSON.parse((await cli(['compare', '--format', 'json', 'examples'])).stdout);
    assert.equal(json.version, 1);
    assert.equal(json.trials.length, 5);
    assert.ok(json.results.length > 10);
    const csv = (await cli(['compare', '--format=csv', 'examples'])).stdout;
    assert.match(csv, /^study_id,arm_id,arm_label,role,n,comparator_arm,endpoint_id,/);
    assert.equal(csv.split('\r\n').length - 2, json.results.length, 'one row per result');
    assert.match((await cli(['compare', '--format', 'csv-wide', 'examples'])).stdout, /^study_id,endpoint_id,endpoint_name,timepoint,statistic,unit,treatment_arm,n_t,/);
    const dir = mkdtempSync(path.join(tmpdir(), 'sa-compare-'));
    const out = path.join(dir, 'c.csv');
    const written = await cli(['compare', '--format', 'csv', '--out', out, 'examples']);
    assert.deepEqual([written.status, written.stdout], [0, '']);
    assert.equal(readFileSync(out, 'utf8'), csv);
  });
  it('explains usage errors and prints its own help', async () => {
    for (const [args, message] of [
      [['compare'], /no files given/],
      [['compare', '--format', 'pdf', 'examples'], /--format must be csv, csv-wide, md, json or html \(got "pdf"\)/],
      [['compare', '--format'], /--format needs a value/],
      [['compare', '--bogus', 'examples'], /unknown option --bogus/],
      [['compare', 'nothing-here'], /cannot read nothing-here/],
    ] as const) {
      const r = await cli([...args]);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, message);
    }
    const help = await cli(['compare', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: study-annotator compare \[options\]/);
  });
});
