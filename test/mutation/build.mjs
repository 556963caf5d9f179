// Bundles the unit and CLI test files, with the (mutated) sources they import, into one plain
// JavaScript file, .cache/mutation-tests/all.test.js, which Stryker runs instead of the .ts
// files: no tsx, and one process per mutant. Run by Stryker's buildCommand inside its sandbox.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { precompiledValidator } from '../../esbuild-validator-plugin.mjs';

/**
 * The schema validator as the bundles have it, generated at build time: compiling it at run time
 * costs each mutant's process about half a second. A run that mutates how the validator is made
 * (ajv-setup.ts, validator-source.ts) sets MUTATION_RUNTIME_SCHEMA and compiles it at run time,
 * as the tests from the sources do.
 */
const precompiled = !process.env.MUTATION_RUNTIME_SCHEMA;

const dirs = ['test/unit', 'test/cli'];

/**
 * Only files that import the core or the CLI (directly, or through test/helpers/cli.ts) run
 * under mutation: cli.test.ts runs the built dist/cli.js in a child process, out of the
 * mutants' reach (run.test.ts covers the CLI in process), and the extension's tests (with the
 * faked vscode module) test the adapter.
 */
function testsCoreInProcess(file) {
  const text = readFileSync(file, 'utf8');
  return /from '\.\.\/(\.\.\/src\/(core|cli)|helpers\/cli)[/']/.test(text) && !text.includes('fake-vscode');
}
/**
 * One bundle with every test file, in this order: Stryker stops a mutant's run at the first
 * failing test, so quick, targeted suites come first and slow property tests last. One process
 * per mutant instead of one per file: starting a process and loading the core (about 0.6 s)
 * was most of the cost when each of a dozen files paid it.
 */
const FIRST = ['problem-codes', 'messages', 'checks', 'fixes', 'units', 'schema', 'one-source', 'editor', 'examples', 'run', 'input', 'incremental', 'property'];
// An area may name its own targeted files to run before those (MUTATION_FIRST, comma-separated
// names): a mutant they kill then costs them alone, not every broad suite ahead of them.
const first = [...(process.env.MUTATION_FIRST ?? '').split(',').filter(Boolean), ...FIRST];
const rank = (file) => {
  const i = first.indexOf(path.basename(file).replace(/\.test\.ts$/, ''));
  return i === -1 ? first.length : i;
};
// An area may name the test files that cover it (MUTATION_TESTS, a pattern of file names): a
// survivor then costs those files, not the whole suite. Its score is a lower bound of the whole
// suite's.
const only = process.env.MUTATION_TESTS ? new RegExp(process.env.MUTATION_TESTS) : undefined;
const files = dirs
  .flatMap((dir) => readdirSync(dir).map((f) => path.join(dir, f)))
  .filter((f) => f.endsWith('.test.ts') && testsCoreInProcess(f) && (!only || only.test(path.basename(f))))
  // It compares the generated validator with the run-time one, which a precompiled bundle lacks.
  .filter((f) => !(precompiled && path.basename(f) === 'standalone-validator.test.ts'))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

await esbuild.build({
  // A fixed seed: the same mutant meets the same random cases in every run, so incremental runs agree.
  stdin: {
    contents: ["import fc from 'fast-check';", 'fc.configureGlobal({ seed: 20261125 });', ...files.map((f) => `import './${f}';`)].join('\n'),
    resolveDir: process.cwd(),
    loader: 'ts',
    sourcefile: 'all-tests.ts',
  },
  outfile: '.cache/mutation-tests/all.test.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Test tooling stays external; the code under test is bundled so its mutants are switched in-process.
  external: ['fast-check', 'yaml', 'ajv', 'ajv/*', 'ajv-formats', '@lhncbc/ucum-lhc'],
  logLevel: 'warning',
  define: { 'process.env.STUDY_MUTATION': '"1"' },
  plugins: precompiled ? [precompiledValidator] : [],
});
