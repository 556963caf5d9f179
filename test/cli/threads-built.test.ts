import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { repository } from '../helpers/repository';
import { EXAMPLES, ROOT, studyFiles } from '../helpers/studies';

/**
 * The built CLI's worker threads. This file runs dist/ in child processes, so it imports
 * nothing from src (mutation testing leaves it out: no mutant reaches it). 4096 is
 * PARALLEL_MIN_FILES in src/cli/validate-files.ts; threads.test.ts holds the two together.
 */
const PARALLEL_MIN_FILES = 4096;
/** Enough files for three threads to share (16 a batch), far fewer than the default's threshold. */
const SHARED = 518;

/** Runs the built CLI from a copy of its bundles, as `nobody` when this is root (so chmod 000 holds). */
function builtCli(dir: string) {
  const bin = path.join(dir, '.bin');
  mkdirSync(bin, { recursive: true });
  for (const f of readdirSync(path.join(ROOT, 'dist')).filter((f) => /^(cli|core|validate-worker)\.js$/.test(f))) copyFileSync(path.join(ROOT, 'dist', f), path.join(bin, f));
  chmodSync(dir, 0o755);
  return (args: string[]) => {
    const node = [process.execPath, path.join(bin, 'cli.js'), ...args];
    const cmd = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...node] : node;
    const r = spawnSync(cmd[0] as string, cmd.slice(1), { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
}

describe('validate in worker threads (built CLI)', () => {
  it('prints what one thread prints, byte for byte, duplicate ids across threads included', () => {
    const n = SHARED;
    // The first file and a later copy of the same example (two consensus files, or two of one curator, collide).
    const last = n - 1 - ((n - 1) % studyFiles(EXAMPLES).length);
    const dir = repository(n, [0, last]);
    const run = builtCli(dir);
    for (const format of ['json', 'sarif', 'human']) {
      const one = run(['validate', '.', '--format', format, '--jobs', '1']);
      const threads = run(['validate', '.', '--format', format, '--jobs', '2']);
      const three = run(['validate', '.', '--format', format, '--jobs', '3']);
      assert.equal(one.stderr, '');
      assert.equal(threads.stderr, '');
      assert.equal(threads.stdout, one.stdout, `${format}: --jobs 2`);
      assert.equal(three.stdout, one.stdout, `${format}: --jobs 3`);
      assert.equal(threads.status, one.status);
    }
    const report = JSON.parse(run(['validate', '.', '--format', 'json', '--jobs', '2']).stdout) as { files: { path: string; problems: { code: string }[] }[] };
    const duplicated = report.files.filter((f) => f.problems.some((p) => p.code === 'study-id-duplicate')).map((f) => f.path);
    const names = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
    assert.deepEqual(duplicated, [names[0], names[last]]);
  });

  it('hands the files to the worker bundle from PARALLEL_MIN_FILES files on, and not below or with --jobs 1', () => {
    const dir = repository(PARALLEL_MIN_FILES);
    const run = builtCli(dir);
    writeFileSync(path.join(dir, '.bin', 'validate-worker.js'), 'throw new Error("worker bundle used");\n');
    const threads = run(['validate', '.']);
    assert.equal(threads.status, 2);
    assert.match(threads.stderr, /unexpected error: Error: worker bundle used/);
    assert.equal(run(['validate', '.', '--jobs', '1']).status, 0);
    assert.equal(run(['validate', ...readdirSync(dir).filter((f) => f.endsWith('.yaml')).slice(1)]).status, 0, 'one file fewer: one thread');
  });

  it('through threads, says which file it cannot read (the first in order), exit 2, as one thread does', () => {
    const dir = repository(SHARED);
    const names = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
    chmodSync(path.join(dir, names[40]!), 0o000);
    chmodSync(path.join(dir, names[70]!), 0o000);
    const run = builtCli(dir);
    for (const jobs of ['1', '2']) {
      const r = run(['validate', '.', '--jobs', jobs, '--format', 'json']);
      assert.equal(r.status, 2, `--jobs ${jobs}`);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, `study-annotator: cannot read ${names[40]}: EACCES\n`, `--jobs ${jobs}`);
    }
  });

});
