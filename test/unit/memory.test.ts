import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { ROOT } from '../helpers/studies';

/**
 * Validates a file 500 times in a fresh process with --expose-gc and reports how much the heap
 * grew. The file has a collection key (`? [a, b]`), which made the yaml library call
 * process.emitWarning, whose captured stack kept every parsed document alive (51 MiB here).
 */
function heapGrowth(text: string, times: number): { growthMiB: number; problems: string[] } {
  const script = `
    const { validate } = require('./src/core/index.ts');
    const text = ${JSON.stringify(text)};
    const problems = validate(text).map((p) => p.code);
    for (let i = 0; i < 20; i++) validate(text);
    global.gc(); global.gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < ${times}; i++) validate(text + '#' + i); // a new text each time: no cache hit
    global.gc(); global.gc();
    process.stdout.write(JSON.stringify({ growthMiB: (process.memoryUsage().heapUsed - before) / 1048576, problems }));`;
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr.includes('Warning'), false, r.stderr);
  return JSON.parse(r.stdout);
}

describe('memory', () => {
  it('500 validations of a file with a collection key keep the heap flat, and nothing is printed', { timeout: 120_000 }, () => {
    const study = 'study:\n  id: x\n  title: t\n  type: narrative review\n  status: planned\nreview:\n  scope: s\n  ? [a, b]\n  : c\n' + Array.from({ length: 100 }, (_, i) => `# padding line ${i} to make the text about 6 KB long, like a small annotation`).join('\n');
    const { growthMiB, problems } = heapGrowth(study, 500);
    assert.ok(problems.includes('yaml-complex-key'));
    assert.ok(growthMiB < 5, `the heap grew by ${growthMiB.toFixed(1)} MiB`);
  });
});
