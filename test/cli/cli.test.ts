import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
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

  it('runs on the schema validator generated at build time, not one compiled at run time', () => {
    const core = require(path.join(ROOT, 'dist', 'core.js')) as { SCHEMA_VALIDATOR_ORIGIN: string };
    assert.equal(core.SCHEMA_VALIDATOR_ORIGIN, 'built in');
    assert.doesNotMatch(readFileSync(path.join(ROOT, 'dist', 'core.js'), 'utf8'), /strictRequired/, "ajv's compiler and its options stay out of the bundle");
  });

  it('exits 0 on examples/ (the folder is walked, examples/invalid is ignored by .studyignore)', () => {
    const r = cli(['validate', 'examples/']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /in \d of 7 files\.|7 files checked, no problems\./);
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
    const none = cli([]);
    assert.equal(none.status, 2, 'no arguments is a usage error');
    assert.match(none.stderr, /no command given[\s\S]*Usage: study-annotator validate/);
    assert.equal(none.stdout, '');
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

  it('prints nothing but the report on stdout: every invalid example, and units ucum-lhc would print about, give parseable JSON and SARIF', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sa-stdout-'));
    for (const [i, unit] of ['()', '{3}2', '150 ()', '[', 'm[g]'].entries()) writeFileSync(path.join(dir, `u${i}.study.yaml`), trial((t) => t.replace('dose: 1 10*6{cells}/kg', `dose: "1 ${unit}"`).replace('id: test-trial', `id: unit-${i}`)));
    for (const operands of [['examples/invalid/'], [dir]]) {
      for (const format of ['json', 'sarif']) {
        const r = cli(['validate', '--format', format, ...operands]);
        assert.equal(r.status, 1, r.stderr);
        assert.doesNotThrow(() => JSON.parse(r.stdout), `${format} for ${operands.join(' ')}: ${r.stdout.slice(0, 200)}`);
      }
    }
  });

  it('stops quietly when the reader closes the pipe early', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sa-pipe-'));
    const text = trial((t) => t.replace('route: intravenous', 'route: IV'));
    for (let i = 0; i < 400; i++) writeFileSync(path.join(dir, `f${i}.study.yaml`), text.replace('id: test-trial', `id: t-${i}`));
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" validate . | head -1; echo "exit=\${PIPESTATUS:-done}"`], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.stderr, '', 'no EPIPE stack trace');
    assert.match(r.stdout, /^f\d+\.study\.yaml:\d+:\d+ error schema-enum/);
  });

  it('warns about a folder it cannot read and validates the rest, for folders and globs', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sa-locked-'));
    chmodSync(dir, 0o755);
    mkdirSync(path.join(dir, 'ok'));
    mkdirSync(path.join(dir, 'locked'));
    writeFileSync(path.join(dir, 'ok', 'a.study.yaml'), trial());
    writeFileSync(path.join(dir, 'locked', 'b.study.yaml'), trial((t) => t.replace('id: test-trial', 'id: b')));
    chmodSync(path.join(dir, 'locked'), 0o000);
    // root reads any folder: run the CLI as nobody there, so the folder is unreadable for real.
    // Nobody may not reach this checkout (a parent folder can be private), so the two bundles run from a copy.
    mkdirSync(path.join(dir, '.bin'));
    for (const f of ['cli.js', 'core.js']) copyFileSync(path.join(ROOT, 'dist', f), path.join(dir, '.bin', f));
    const cli = path.join(dir, '.bin', 'cli.js');
    const asUser = (args: string[]) => {
      const cmd = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, ...args] : [process.execPath, cli, ...args];
      const r = spawnSync(cmd[0] as string, cmd.slice(1), { cwd: dir, encoding: 'utf8' });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    try {
      for (const operand of ['.', '**/*.study.yaml']) {
        const r = asUser(['validate', operand]);
        assert.equal(r.status, 0, `${operand}: ${r.stdout}${r.stderr}`);
        assert.match(r.stderr, /^study-annotator: warning: cannot read folder .*locked \(EACCES\); skipped$/m);
        assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
        assert.match(r.stdout, /^1 file checked, no problems\.$/m);
      }
    } finally {
      chmodSync(path.join(dir, 'locked'), 0o755);
    }
  });

  it('follows links to study files and folders, walks a loop once, and names one file once', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sa-links-'));
    mkdirSync(path.join(dir, 'real'));
    writeFileSync(path.join(dir, 'real', 'a.study.yaml'), trial());
    symlinkSync(path.join(dir, 'real', 'a.study.yaml'), path.join(dir, 'linked.study.yaml'));
    symlinkSync(dir, path.join(dir, 'real', 'loop'));
    const walked = cli(['validate', '--format', 'json', 'real/'], dir);
    assert.equal(walked.status, 0, walked.stdout + walked.stderr);
    assert.deepEqual((JSON.parse(walked.stdout).files as { path: string }[]).map((f) => f.path), ['real/a.study.yaml'], 'the loop is walked once and the link to a.study.yaml is the same file');
    const linked = cli(['validate', '--format', 'json', 'linked.study.yaml', path.join(dir, 'real', 'a.study.yaml'), 'real/a.study.yaml'], dir);
    assert.equal(linked.status, 0, 'one file named three ways is not its own duplicate study id');
    assert.deepEqual((JSON.parse(linked.stdout).files as { path: string }[]).map((f) => f.path), ['linked.study.yaml']);
  });

  it('reads no more than the size limit of a huge file or an endless device', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sa-huge-'));
    writeFileSync(path.join(dir, 'huge.study.yaml'), Buffer.alloc(8 * 1024 * 1024, 0x61));
    for (const file of ['huge.study.yaml', '/dev/zero']) {
      const r = cli(['validate', '--format', 'json', file], dir);
      assert.equal(r.status, 1);
      const [p] = JSON.parse(r.stdout).files[0].problems;
      assert.equal(p.code, 'file-too-large');
      assert.equal(p.data.size, 256 * 1024 + 1, 'the reader stopped one byte past the limit');
    }
  });

  it('counts lines as VS Code does in files with lone CR line ends', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sa-cr-'));
    const text = trial((b) => b.replace('route: intravenous', 'route: IV'));
    writeFileSync(path.join(dir, 'lf.study.yaml'), text);
    writeFileSync(path.join(dir, 'cr.study.yaml'), text.replace(/\n/g, '\r'));
    const mixed = text.split('\n');
    writeFileSync(path.join(dir, 'mixed.study.yaml'), mixed.map((l, i) => l + (i % 3 === 0 ? '\r' : i % 3 === 1 ? '\r\n' : '\n')).join('').slice(0, -1));
    const json = (f: string) => JSON.parse(cli(['validate', '--format', 'json', f], dir).stdout).files[0].problems as { code: string; line: number; column: number }[];
    const lf = json('lf.study.yaml');
    assert.deepEqual(lf.map((p) => p.code), ['schema-enum']);
    for (const f of ['cr.study.yaml', 'mixed.study.yaml']) {
      assert.deepEqual(json(f).map((p) => [p.code, p.line, p.column]), lf.map((p) => [p.code, p.line, p.column]), f);
    }
  });
});
