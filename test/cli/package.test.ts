import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { packCli } from '../../src/dev/pack-cli';
import { EXAMPLES } from '../helpers/studies';

describe('the CLI as people install it', () => {
  it('packs into an npm package that installs offline and runs as study-annotator', { timeout: 120_000 }, () => {
    const tarball = packCli();
    const prefix = mkdtempSync(path.join(tmpdir(), 'sa-install-'));
    const install = spawnSync('npm', ['install', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], { encoding: 'utf8' });
    assert.equal(install.status, 0, install.stderr);
    const bin = path.join(prefix, 'node_modules', '.bin', 'study-annotator');
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    assert.match(version.stdout, /^\d+\.\d+\.\d+ \(schema \d+\.\d+\.\d+\)$/m);
    const clean = spawnSync(bin, ['validate', EXAMPLES], { encoding: 'utf8', cwd: prefix });
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /7 files/); // five seeds, one extracted twice (examples/extractions)
    const invalid = spawnSync(bin, ['validate', '--format', 'json', path.join(EXAMPLES, 'invalid', 'schema-enum.study.yaml')], { encoding: 'utf8', cwd: prefix });
    assert.equal(invalid.status, 1);
    assert.equal(JSON.parse(invalid.stdout).files[0].problems[0].code, 'schema-enum');
    // Without its worker bundle the tool would quietly validate in one thread.
    const installed = path.join(prefix, 'node_modules', 'study-annotator-cli');
    assert.ok(existsSync(path.join(installed, 'validate-worker.js')), 'the worker thread bundle is installed');
    const threads = spawnSync(bin, ['validate', '--jobs', '2', '--format', 'json', EXAMPLES], { encoding: 'utf8', cwd: prefix });
    assert.equal(threads.stdout, spawnSync(bin, ['validate', '--jobs', '1', '--format', 'json', EXAMPLES], { encoding: 'utf8', cwd: prefix }).stdout);
  });
});
