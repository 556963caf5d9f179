import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { INVALID, ROOT, studyFiles, trial } from '../helpers/studies';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function cli(args: string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('study-annotator validate (built CLI)', () => {
  before(() => assert.ok(existsSync(CLI), 'run npm run build first'));

  it('exits 0 on examples/ (the folder is walked, examples/invalid is ignored by .studyignore)', () => {
    const r = cli(['validate', 'examples/']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /in \d of 5 files\.|5 files checked, no problems\./);
  });

  it('exits 1 on examples/invalid/, with each intended problem at its commented line', () => {
    const r = cli(['validate', 'examples/invalid/']);
    assert.equal(r.status, 1);
    for (const file of studyFiles(INVALID)) {
      const code = path.basename(file, '.study.yaml');
      const line = readFileSync(file, 'latin1').split('\n').findIndex((l) => l.includes(`# problem: ${code}`)) + 1;
      const rel = path.relative(ROOT, file);
      assert.match(r.stdout, new RegExp(`^${rel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:\\d+ \\w+ ${code} `, 'm'), `${code} at line ${line}`);
    }
  });

  it('prints file:line:col severity code message', () => {
    const r = cli(['validate', 'examples/invalid/schema-enum.study.yaml']);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^examples\/invalid\/schema-enum\.study\.yaml:20:16 error schema-enum `route` must be one of .*did you mean intravenous\?\)$/m);
  });

  it('exits 2 on usage and I/O errors', () => {
    assert.equal(cli([]).status, 0); // help
    assert.equal(cli(['validate']).status, 2);
    assert.equal(cli(['frobnicate', 'x']).status, 2);
    assert.equal(cli(['validate', '--format', 'xml', 'examples']).status, 2);
    assert.equal(cli(['validate', '--bogus', 'examples']).status, 2);
    const missing = cli(['validate', 'no/such/file.study.yaml']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read no\/such\/file\.study\.yaml/);
    assert.equal(cli(['validate', 'no-match-*.study.yaml']).status, 2);
  });

  it('--fail-on sets which severity fails', () => {
    assert.equal(cli(['validate', 'examples/', '--fail-on', 'info']).status, 1);
    assert.equal(cli(['validate', 'examples/invalid/unit-synonym.study.yaml', '--fail-on', 'error']).status, 0);
  });

  it('--format json lists each file with its problems', () => {
    const r = cli(['validate', '--format', 'json', 'examples/invalid/ref-unresolved.study.yaml']);
    assert.equal(r.status, 1);
    const json = JSON.parse(r.stdout) as { files: { path: string; problems: { code: string; line: number; data: Record<string, unknown> }[] }[] };
    assert.equal(json.files.length, 1);
    const p = json.files[0]?.problems[0];
    assert.equal(p?.code, 'ref-unresolved');
    assert.equal(p?.line, 18);
    assert.equal(p?.data.suggestion, 'cells');
  });

  it('--format sarif is SARIF 2.1.0 with 1-based regions and a rule per code', () => {
    const r = cli(['validate', '--format=sarif', 'examples/invalid/schema-enum.study.yaml']);
    assert.equal(r.status, 1);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    const result = run.results[0];
    assert.equal(result.ruleId, 'schema-enum');
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'schema-enum');
    assert.equal(result.level, 'error');
    assert.deepEqual(
      { ...result.locations[0].physicalLocation.region, charOffset: undefined, charLength: undefined },
      { startLine: 20, startColumn: 16, endLine: 20, endColumn: 18, charOffset: undefined, charLength: undefined },
    );
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'examples/invalid/schema-enum.study.yaml');
  });

  it('expands globs and folders, honours .studyignore, and names ignored files when asked', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sa-cli-'));
    mkdirSync(path.join(dir, 'a', 'deep'), { recursive: true });
    mkdirSync(path.join(dir, 'skip'));
    writeFileSync(path.join(dir, 'a', 'one.study.yaml'), trial());
    writeFileSync(path.join(dir, 'a', 'deep', 'two.study.yml'), trial((t) => t.replace('id: test-trial', 'id: second-trial')));
    writeFileSync(path.join(dir, 'a', 'notes.yaml'), 'not: a study\n');
    writeFileSync(path.join(dir, 'skip', 'bad.study.yaml'), 'study: [\n');
    writeFileSync(path.join(dir, '.studyignore'), 'skip/\n');
    const folder = cli(['validate', '--format', 'json', '.'], dir);
    assert.equal(folder.status, 0, folder.stdout);
    assert.deepEqual((JSON.parse(folder.stdout).files as { path: string }[]).map((f) => f.path).sort(), ['a/deep/two.study.yml', 'a/one.study.yaml']);
    const glob = cli(['validate', '--format', 'json', 'a/**/*.study.y*ml'], dir);
    assert.deepEqual((JSON.parse(glob.stdout).files as { path: string }[]).map((f) => f.path).sort(), ['a/deep/two.study.yml', 'a/one.study.yaml']);
    assert.equal(cli(['validate', 'skip/bad.study.yaml'], dir).status, 1);
  });

  it('reports a study id used by two files in one run', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sa-ids-'));
    writeFileSync(path.join(dir, 'a.study.yaml'), trial());
    writeFileSync(path.join(dir, 'b.study.yaml'), trial());
    const r = cli(['validate', '.'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^a\.study\.yaml:2:7 error study-id-duplicate The study id `test-trial` is also used by b\.study\.yaml/m);
    assert.match(r.stdout, /^b\.study\.yaml:2:7 error study-id-duplicate .* also used by a\.study\.yaml/m);
  });

  it('reports the same line and column for CRLF and BOM files as for LF', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sa-eol-'));
    const text = trial((b) => b.replace('route: intravenous', 'route: IV'));
    writeFileSync(path.join(dir, 'lf.study.yaml'), text);
    writeFileSync(path.join(dir, 'crlf.study.yaml'), '\ufeff' + text.replace(/\n/g, '\r\n'));
    const pos = (f: string) => /:(\d+:\d+) error schema-enum/.exec(cli(['validate', f], dir).stdout)?.[1];
    assert.ok(pos('lf.study.yaml'));
    assert.equal(pos('crlf.study.yaml'), pos('lf.study.yaml'));
  });

  it('reports binary files as a problem, not a crash', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sa-bin-'));
    writeFileSync(path.join(dir, 'x.study.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0xff]));
    const r = cli(['validate', 'x.study.yaml'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /file-binary/);
  });
});
