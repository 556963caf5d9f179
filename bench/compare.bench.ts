/**
 * Part of npm run bench: Compare Trials over 500 generated trials of realistic size (3–5 arms,
 * 10–20 endpoints, 2–5 timepoints each). Prints, asserts nothing:
 * - building the comparison model (validation of the files included, and without it);
 * - `study-annotator compare --format csv` over the files;
 * - first paint of the page in headless Chromium, and a re-render after one trial changed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildComparison, ValidationSession, type Comparison } from '../src/core';
import { ensurePackages } from '../src/dev/system';
import { openPage, sendComparison } from '../test/webview/harness';
import { trialText } from './compare-trials';

const TRIALS = 500;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'sa-compare-bench-'));
  const texts = Array.from({ length: TRIALS }, (_, i) => trialText(i));
  texts.forEach((t, i) => writeFileSync(path.join(dir, `trial-${i}.study.yaml`), t));
  try {
    const t0 = performance.now();
    const inputs = texts.map((t, i) => ({ file: `trial-${i}.study.yaml`, result: new ValidationSession().run(t) }));
    const t1 = performance.now();
    const builds: number[] = [];
    let comparison: Comparison = buildComparison(inputs);
    for (let k = 0; k < 5; k++) {
      const s = performance.now();
      comparison = buildComparison(inputs);
      builds.push(performance.now() - s);
    }
    const cli = performance.now();
    spawnSync(process.execPath, [path.join(__dirname, '..', 'dist', 'cli.js'), 'compare', '--format', 'csv', dir], { maxBuffer: 256 * 1024 * 1024 });
    const cliMs = performance.now() - cli;
    ensurePackages();
    const page = await openPage();
    let paint = NaN;
    let rerender = NaN;
    try {
      paint = await sendComparison(page.page, comparison);
      const changed = buildComparison(inputs.map((x, i) => (i === 0 ? { ...x, result: new ValidationSession().run(texts[0]?.replace('Generated trial 0', 'Changed trial 0') ?? '') } : x)));
      rerender = await sendComparison(page.page, changed, 'update');
    } finally {
      await page.close();
    }
    const cols = comparison.trials.length;
    console.log(`\nCompare Trials, ${TRIALS} generated trials (${comparison.overview.length} overview rows, ${comparison.endpoints.length} endpoint rows, ${comparison.results.length} results, ${cols} columns)\n`);
    console.log(`  validating the ${TRIALS} files first: ${(t1 - t0).toFixed(0)} ms`);
    console.log(`  building the comparison model: median ${median(builds).toFixed(0)} ms (min ${Math.min(...builds).toFixed(0)}, max ${Math.max(...builds).toFixed(0)}, ${builds.length} runs)`);
    console.log(`  study-annotator compare --format csv over the files: ${cliMs.toFixed(0)} ms (one run)`);
    console.log(`  first paint in headless Chromium (message received to tables rendered, measured in the page): ${paint.toFixed(0)} ms -> target under 1000 ms: ${paint < 1000 ? 'met' : 'NOT met'}`);
    console.log(`  re-render after one trial changed: ${rerender.toFixed(0)} ms -> target under 200 ms: ${rerender < 200 ? 'met' : 'NOT met'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
