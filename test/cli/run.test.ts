import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, trial } from '../helpers/studies';
import { cli } from '../helpers/cli';

/** Runs the CLI in this process (so mutation testing sees it), capturing both streams. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sa-run-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const lupus = trial((b) => b.replace('  species: Homo sapiens\n', '  species: Homo sapiens\n  condition:\n    name: lupus\n'));
const synonym = trial((b) => b.replace('at: 4 wk', 'at: 4 days'));

describe('study-annotator (in process)', () => {
  it('prints help and the version', async () => {
    const help = await cli(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: study-annotator validate/);
    const version = await cli(['--version']);
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+ \(schema \d+\.\d+\.\d+\)\n$/);
    assert.equal((await cli(['validate', '-h'])).status, 0);
  });

  it('explains each usage error on stderr and exits 2', async () => {
    const cases: [string[], RegExp][] = [
      [['validate'], /no files given/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['validate', '--format', 'xml', 'x'], /--format must be human, json or sarif \(got "xml"\)/],
      [['validate', '--fail-on', 'never', 'x'], /--fail-on must be error, warning or info \(got "never"\)/],
      [['validate', 'x', '--format'], /--format needs a value/],
      [['validate', '--bogus', 'x'], /unknown option --bogus/],
      [['validate', '--profiles', 'none.yaml', 'examples'], /cannot read profiles file none\.yaml/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
      assert.match(r.stderr, /^study-annotator: /);
    }
  });

  it('--fail-on: each severity fails on itself and worse, never on better', async () => {
    const dir = folder({ 'info.study.yaml': lupus, 'warning.study.yaml': synonym.replace('id: test-trial', 'id: w') });
    const status = async (file: string, failOn?: string) => (await cli(['validate', ...(failOn ? ['--fail-on', failOn] : []), file], dir)).status;
    assert.equal(await status('info.study.yaml'), 0, 'an info does not fail by default');
    assert.equal(await status('info.study.yaml', 'info'), 1);
    assert.equal(await status('info.study.yaml', 'warning'), 0);
    assert.equal(await status('warning.study.yaml'), 1, 'a warning fails by default');
    assert.equal(await status('warning.study.yaml', 'warning'), 1);
    assert.equal(await status('warning.study.yaml', 'error'), 0);
    assert.equal(await status('warning.study.yaml', 'info'), 1);
    assert.equal((await cli(['validate', '--fail-on=error', 'warning.study.yaml'], dir)).status, 0, '--option=value form');
  });

  it('summarises counts by severity, with singular and plural words', async () => {
    const dir = folder({ 'a.study.yaml': lupus, 'b.study.yaml': synonym.replace('id: test-trial', 'id: b'), 'c.study.yaml': trial().replace('id: test-trial', 'id: c') });
    const r = await cli(['validate', '.'], dir);
    const last = r.stdout.trimEnd().split('\n').at(-1);
    assert.equal(last, '5 problems (0 errors, 1 warning, 4 infos) in 2 of 3 files.');
    const clean = await cli(['validate', 'c.study.yaml'], dir);
    assert.equal(clean.stdout, '1 file checked, no problems.\n');
    assert.equal(clean.status, 0);
  });

  it('acknowledged problems never fail a run, are counted apart, and are SARIF suppressions with the reason', async () => {
    const acknowledged = synonym.replace('  schema_version: 1.0.0\n', '  schema_version: 1.0.0\n  acknowledged:\n    - code: unit-synonym\n      field: timepoints.w4.at\n      reason: Kept as the source writes it.\n');
    const dir = folder({ 'k.study.yaml': acknowledged });
    const human = await cli(['validate', 'k.study.yaml'], dir);
    assert.equal(human.status, 0, '--fail-on warning, and the only warning is acknowledged');
    assert.equal(human.stdout, '1 file checked, no problems. 1 acknowledged problem not counted.\n');
    const json = JSON.parse((await cli(['validate', '--format', 'json', 'k.study.yaml'], dir)).stdout) as { files: { problems: unknown[]; suppressed: { code: string; justification: string; line: number }[] }[] };
    assert.deepEqual(json.files[0]?.problems, []);
    assert.deepEqual(json.files[0]?.suppressed.map((p) => [p.code, p.justification, p.line]), [['unit-synonym', 'Kept as the source writes it.', 22]]);
    const sarif = JSON.parse((await cli(['validate', '--format', 'sarif', 'k.study.yaml'], dir)).stdout) as { runs: { results: { ruleId: string; suppressions?: { kind: string; justification: string }[] }[] }[] };
    assert.deepEqual(sarif.runs[0]?.results.map((x) => [x.ruleId, x.suppressions]), [['unit-synonym', [{ kind: 'inSource', justification: 'Kept as the source writes it.' }]]]);
    const withOthers = folder({ 'k.study.yaml': acknowledged.replace('dose: 1 10*6{cells}/kg', 'dose: 1 mcg'), 'c.study.yaml': synonym.replace('id: test-trial', 'id: c') });
    const mixed = await cli(['validate', '.'], withOthers);
    assert.equal(mixed.stdout.trimEnd().split('\n').at(-1), '2 problems (0 errors, 2 warnings, 0 infos) in 2 of 2 files. 1 acknowledged problem not counted.');
    assert.equal(mixed.status, 1);
    const sarifMixed = JSON.parse((await cli(['validate', '--format', 'sarif', '.'], withOthers)).stdout) as { runs: { results: { suppressions?: unknown[] }[] }[] };
    assert.deepEqual(sarifMixed.runs[0]?.results.map((x) => x.suppressions === undefined), [true, true, false], 'problems first, then the suppressed');
  });

  it('SARIF: info is a note, regions carry 0-based character offsets and lengths', async () => {
    const dir = folder({ 'w.study.yaml': synonym, 'i.study.yaml': lupus.replace('id: test-trial', 'id: i') });
    const r = await cli(['validate', '--format', 'sarif', '--fail-on', 'error', 'w.study.yaml', 'i.study.yaml'], dir);
    assert.equal(r.status, 0);
    const results = JSON.parse(r.stdout).runs[0].results as { ruleId: string; level: string; locations: { physicalLocation: { region: Record<string, number>; artifactLocation: { uri: string } } }[] }[];
    const warning = results.find((x) => x.ruleId === 'unit-synonym');
    const region = warning?.locations[0]?.physicalLocation.region;
    assert.equal(warning?.level, 'warning');
    assert.equal(region?.charOffset, synonym.indexOf('days'));
    assert.equal(region?.charLength, 4);
    assert.equal(region?.startColumn, 11);
    assert.equal(region?.endColumn, 15);
    const notes = results.filter((x) => x.ruleId === 'profile-endpoint-missing');
    assert.equal(notes.length, 4);
    assert.ok(notes.every((x) => x.level === 'note' && x.locations[0]?.physicalLocation.artifactLocation.uri === 'i.study.yaml'));
    const rules = JSON.parse(r.stdout).runs[0].tool.driver.rules as { id: string; defaultConfiguration: { level: string } }[];
    assert.equal(rules.find((x) => x.id === 'profile-endpoint-missing')?.defaultConfiguration.level, 'note');
  });

  it('--profiles adds a condition profile, and replaces a shipped one by id', async () => {
    const extra = '- id: gvhd\n  name: GvHD\n  applies: {names: [graft-versus-host]}\n  expects:\n    - {id: response, label: overall response, names: [response]}\n';
    const study = trial((b) => b.replace('  species: Homo sapiens\n', '  species: Homo sapiens\n  condition:\n    name: chronic graft-versus-host disease\n'));
    const dir = folder({ 'p.yaml': extra, 'g.study.yaml': study, 'replace.json': JSON.stringify({ profiles: [{ id: 'sle', name: 'SLE', applies: { names: ['lupus'] }, expects: [] }] }), 'l.study.yaml': lupus.replace('id: test-trial', 'id: l') });
    const without = await cli(['validate', '--format', 'json', '--fail-on', 'error', 'g.study.yaml'], dir);
    assert.deepEqual(JSON.parse(without.stdout).files[0].problems, []);
    const withProfile = await cli(['validate', '--format', 'json', '--profiles', 'p.yaml', '--fail-on', 'error', 'g.study.yaml'], dir);
    const [p] = JSON.parse(withProfile.stdout).files[0].problems;
    assert.equal(p.code, 'profile-endpoint-missing');
    assert.match(p.message, /The GvHD outcome set expects overall response/);
    const replaced = await cli(['validate', '--format', 'json', '--profiles=replace.json', 'l.study.yaml'], dir);
    assert.deepEqual(JSON.parse(replaced.stdout).files[0].problems, []);
    const bad = folder({ 'bad.yaml': '- id: x\n' });
    const r = await cli(['validate', '--profiles', 'bad.yaml', '.'], bad);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /profiles file bad\.yaml: profile 1 needs id, name, applies and expects/);
  });

  it('lists a folder\'s files in a reader\'s order, case and accents aside, folders in their place', async () => {
    const names = ['b.study.yaml', 'A.study.yaml', 'é.study.yaml', 'z.study.yaml', 'a/c.study.yaml', '10.study.yaml', '9.study.yaml'];
    const dir = folder(Object.fromEntries(names.map((n, i) => [n, trial((b) => b.replace(/id: [^\n]+/, `id: order-${i}`))])));
    const { stdout } = await cli(['validate', '.', '--format', 'json'], dir);
    const listed = (JSON.parse(stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    assert.deepEqual(listed, ['10.study.yaml', '9.study.yaml', 'a/c.study.yaml', 'A.study.yaml', 'b.study.yaml', 'é.study.yaml', 'z.study.yaml']);
  });

  it('names an unreadable file, and a glob that matches nothing', async () => {
    const dir = folder({ 'a.study.yaml': trial() });
    const none = await cli(['validate', '*.study.yml'], dir);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no study files match \*\.study\.yml/);
    const missing = await cli(['validate', 'b.study.yaml'], dir);
    assert.match(missing.stderr, /cannot read b\.study\.yaml: no such file or directory/);
  });
});
