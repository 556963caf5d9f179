import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import { describe, it } from 'node:test';
import { PARALLEL_MIN_FILES, threadsFor, validateFiles } from '../../src/cli/validate-files';
import { cli as inProcess } from '../helpers/cli';
import { repository } from '../helpers/repository';

describe('validate in worker threads', () => {
  it('uses threads from PARALLEL_MIN_FILES files on, never more than the files or than asked', () => {
    assert.equal(PARALLEL_MIN_FILES, 4096, 'threads-built.test.ts and the README say 4096');
    assert.equal(threadsFor(PARALLEL_MIN_FILES - 1, undefined), 1);
    assert.equal(threadsFor(PARALLEL_MIN_FILES, undefined), Math.min(os.availableParallelism(), Math.ceil(PARALLEL_MIN_FILES / 16)));
    assert.equal(threadsFor(10_000, undefined), os.availableParallelism());
    assert.equal(threadsFor(5, 8), 5, 'no more threads than files');
    assert.equal(threadsFor(500, 3), 3);
    assert.equal(threadsFor(500, 1), 1);
    assert.equal(threadsFor(0, 4), 1);
  });

  it('reads and validates in order in this thread, and stops at the first file it cannot read', async () => {
    const dir = repository(3);
    const files = readdirSync(dir).sort();
    const outcomes = await validateFiles([files[0]!, 'missing.study.yaml', files[1]!], dir, [], 1);
    assert.equal(outcomes.length, 2);
    assert.ok('result' in outcomes[0]!);
    assert.deepEqual(outcomes[1], { error: 'ENOENT' });
    const all = await validateFiles(files, dir, [], 4); // from the sources there is no worker bundle: this thread
    assert.equal(all.length, 3);
    assert.ok(all.every((o) => 'result' in o));
  });

  it('--jobs takes a whole number from 1', async () => {
    for (const bad of ['0', '-1', 'two', '1.5', '1000']) {
      const r = await inProcess(['validate', 'examples', '--jobs', bad]);
      assert.equal(r.status, 2, bad);
      assert.match(r.stderr, /--jobs must be a whole number from 1 to 999/);
    }
    assert.equal((await inProcess(['validate', 'examples/nurudhin-2025-sle-secretome.study.yaml', '--jobs', '999'])).status, 0);
    assert.equal((await inProcess(['validate', 'examples/', '--jobs=2'])).status, 0);
  });
});

