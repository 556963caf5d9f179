// Bundles each unit and CLI test file, with the (mutated) sources it imports, into plain
// JavaScript under .cache/mutation-tests/. Stryker runs these instead of the .ts files: a
// process then starts in about 0.35 s instead of 0.8 s with tsx, and every mutant starts
// several. Run by Stryker's buildCommand inside its sandbox.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dirs = ['test/unit', 'test/cli'];
const entryPoints = Object.fromEntries(
  dirs.flatMap((dir) =>
    readdirSync(dir)
      // cli.test.ts runs the built dist/cli.js in a child process, out of the mutants' reach; run.test.ts covers the CLI in-process.
      .filter((f) => f.endsWith('.test.ts') && f !== 'cli.test.ts')
      .map((f) => [`${path.basename(dir)}-${f.replace(/\.ts$/, '')}`, path.join(dir, f)]),
  ),
);

await esbuild.build({
  entryPoints,
  outdir: '.cache/mutation-tests',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Test tooling stays external; the code under test is bundled so its mutants are switched in-process.
  external: ['fast-check', 'yaml', 'ajv', 'ajv/*', 'ajv-formats', '@lhncbc/ucum-lhc'],
  logLevel: 'warning',
  define: { 'process.env.STUDY_MUTATION': '"1"' },
});
