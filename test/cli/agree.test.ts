// `study-annotator agree`: the pairs of examples/ in each format, the CSV read back, the
// agreement threshold for CI, files without pairs, and usage errors.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseCsv } from '../helpers/csv';
import { ROOT } from '../helpers/studies';
import { cli } from '../helpers/cli';

const A = 'examples/extractions/curator-a/nurudhin-2025-sle-secretome.study.yaml';
const B = 'examples/extractions/curator-b/nurudhin-2025-sle-secretome.study.yaml';

describe('study-annotator agree', () => {
  it('md by default: the one pair of examples/, figures per section, kappa with its field count, each difference', async () => {
    const r = await cli(['agree', 'examples']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^# Extraction agreement\n\n## nurudhin-2025-sle-secretome\n\n/);
    assert.equal(r.stdout.match(/^## /gm)?.length, 1, 'the consensus is no third extraction');
    assert.ok(r.stdout.includes(`${A} (A. Rahman) and ${B} (B. Santoso)`));
    assert.match(r.stdout, /\| overall \| 116 \| 112 \| 96\.6% \|\n/);
    assert.match(r.stdout, /\| design \| 4 \| 3 \| 75\.0% \|\n/);
    assert.match(r.stdout, /Cohen's kappa: 0\.92 \(observed 0\.93, chance 0\.14; 14 categorical fields\)/);
    assert.match(r.stdout, /### Differences \(4\)\n\n\| Field \| A\. Rahman \| B\. Santoso \|\n\|---\|---\|---\|\n\| design\.masking\.masked \| \(none\) \| \[ participant, investigator \] \|\n/);
    assert.match(r.stdout, /\| results\.5\.direction \| decrease \| no change \|\n$/);
  });
  it('json: every pair in full, with both sources and quotes', async () => {
    const r = await cli(['agree', '--format', 'json', 'examples/extractions']);
    const json = JSON.parse(r.stdout);
    assert.equal(json.version, 1);
    assert.equal(json.pairs.length, 1);
    const d = json.pairs[0].differences.find((x: { id: string }) => x.id === 'results.5.direction');
    assert.deepEqual([d.left.text, d.left.source.file, d.right.text, d.right.source.file, d.categorical], ['decrease', A, 'no change', B, true]);
    assert.match(d.left.quote, /^Anti-dsDNA levels exhibited a decreasing trend/);
    assert.deepEqual(json.pairs[0].agreement.kappa.n, 14);
  });
  it('csv: agreement rows and difference rows, read back to the same figures and values', async () => {
    const rows = parseCsv((await cli(['agree', '--format=csv', 'examples'])).stdout);
    const [header, ...body] = rows;
    assert.equal(header?.[0], 'record');
    const col = (name: string) => (header ?? []).indexOf(name);
    const overall = body.find((r) => r[0] === 'agreement' && r[col('section')] === 'overall');
    assert.deepEqual([overall?.[col('fields')], overall?.[col('agreed')], Number(overall?.[col('kappa')]).toFixed(4), overall?.[col('kappa_fields')]], ['116', '112', '0.9167', '14']);
    const diffs = body.filter((r) => r[0] === 'difference');
    assert.deepEqual(diffs.map((r) => [r[col('field')], r[col('left_value')], r[col('right_value')]]), [
      ['design.masking.masked', '', '[ participant, investigator ]'],
      ['population.severity', 'moderate', 'moderate to severe'],
      ['results.1.timepoint', 'd43', ''],
      ['results.5.direction', 'decrease', 'no change'],
    ]);
    assert.equal(body.filter((r) => r[0] === 'agreement').length, 12, 'overall and eleven sections');
    assert.ok(rows.every((r) => r.length === header?.length), 'every row has every column');
  });
  it('--min-agreement fails a pair below it (exit 1, said on stderr) and passes one at or above it', async () => {
    const below = await cli(['agree', '--min-agreement', '0.97', 'examples']);
    assert.equal(below.status, 1);
    assert.equal(below.stderr, 'study-annotator: nurudhin-2025-sle-secretome: A. Rahman and B. Santoso agree on 112 of 116 fields, below 0.97\n');
    assert.equal((await cli(['agree', '--min-agreement=0.96', 'examples'])).status, 0);
    assert.equal((await cli(['agree', '--min-agreement', '0', 'examples'])).status, 0);
  });
  it('no pairs: says so, exit 0', async () => {
    const r = await cli(['agree', 'examples/sari-2025-sepsis-hypoxic-cm.study.yaml', A]);
    assert.deepEqual([r.status, r.stdout], [0, '# Extraction agreement\n\nNo pairs: no study id has files by two different curators.\n']);
    assert.deepEqual(JSON.parse((await cli(['agree', '--format', 'json', A])).stdout), { version: 1, pairs: [] });
  });
  it('--out writes the file and nothing to stdout', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'sa-agree-')), 'a.md');
    const r = await cli(['agree', '--out', out, 'examples']);
    assert.deepEqual([r.status, r.stdout], [0, '']);
    assert.equal(readFileSync(out, 'utf8'), (await cli(['agree', 'examples'])).stdout);
  });
  it('a broken extraction is compared with what could be read, its errors counted', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sa-agree-'));
    writeFileSync(path.join(dir, 'a.study.yaml'), readFileSync(path.join(ROOT, A)));
    writeFileSync(path.join(dir, 'b.study.yaml'), readFileSync(path.join(ROOT, B), 'utf8').replace('  severity: moderate to severe\n', '  severity: [moderate\n'));
    const json = JSON.parse((await cli(['agree', '--format', 'json', dir])).stdout);
    assert.equal(json.pairs.length, 1);
    assert.deepEqual(json.pairs[0].problems, { left: 0, right: 1 });
  });
  it('explains usage errors and prints its own help', async () => {
    for (const [args, message] of [
      [['agree'], /no files given/],
      [['agree', '--format', 'html', 'examples'], /--format must be md, json or csv \(got "html"\)/],
      [['agree', '--min-agreement', '1.5', 'examples'], /--min-agreement must be a share from 0 to 1 \(got "1\.5"\)/],
      [['agree', '--min-agreement', 'x', 'examples'], /--min-agreement must be a share from 0 to 1/],
      [['agree', '--min-agreement=', 'examples'], /--min-agreement must be a share from 0 to 1/],
      [['agree', '--bogus', 'examples'], /unknown option --bogus/],
      [['agree', 'nothing-here'], /cannot read nothing-here/],
    ] as const) {
      const r = await cli([...args]);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, message);
    }
    const help = await cli(['agree', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: study-annotator agree \[options\]/);
    assert.match((await cli(['--help'])).stdout, /study-annotator agree \[--format md\|json\|csv\]/);
  });
});
