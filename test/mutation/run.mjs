// npm run test:mutation [-- area ...] [--survivors] [--only FILE,...] [--tests NAME,...] [--timeout MS] [--report-only] [--concurrency N]: StrykerJS over src/core and
// src/cli, one area at a time. Each area has its own incremental file (.cache/stryker/AREA.json)
// and its own report (test-output/mutation/AREA.json). `--survivors` re-tests only the newest
// measurement's survivors (and files changed since) with the tests as they are now, and merges
// the result into the area's report: minutes instead of an hour once tests were added. At the end
// the scores are printed per area, for src/core and for src/cli, from each file's newest
// measurement in any report or in the committed ledger (test/mutation/measured.json).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { countOf, filesOf, LEDGER, ledgerText, mergeRetest, newestPerFile, survivorPatterns } from './reports.mjs';

const AREAS = {
  checks: ['src/core/checks/**/*.ts'],
  schema: ['src/core/schema/**/*.ts', 'src/core/units/**/*.ts', 'src/core/profiles/**/*.ts'],
  parse: ['src/core/yaml/**/*.ts', 'src/core/text/**/*.ts'],
  validate: ['src/core/*.ts'],
  editor: ['src/core/editor/**/*.ts'],
  compare: ['src/core/compare/**/*.ts'],
  agree: ['src/core/agree/**/*.ts'],
  cli: ['src/cli/**/*.ts'],
};

/**
 * Areas measured with the test files that cover them only (see build.mjs): a lower bound of the
 * whole suite's score, and much faster, since a surviving mutant costs every selected file. The
 * whole suite takes about 9 s per survivor here (13 s of CPU); these sets take 1 to 6 s.
 */
const AREA_TESTS = {
  checks: '^(checks|checks-edges|invisible-sites|problem-codes|messages|messages-branches|examples|format-1-1|regimen|result-consistency|quantities|units|profiles|profile-data|acknowledged|one-source|schema-edges|schema|standalone-validator)\\.test\\.ts$',
  schema: '^(checks|checks-edges|problem-codes|messages|messages-branches|examples|format-1-1|regimen|result-consistency|quantities|units|profiles|profile-data|messages-wording|units-reading|acknowledged|one-source|schema-edges|schema|schema-paths|schema-helpers-edges|ucum-edges|standalone-validator|conversions|conversion-edges)\\.test\\.ts$',
  // Everything but the slow property, memory and incremental files (which the parse area keeps).
  validate: '^(?!(property|memory|incremental)\\.test\\.ts$).*\\.test\\.ts$',
  agree: '^(agree|agree-values|agree-exports|agree-matching|consensus-edges|diff-edges|compare)\\.test\\.ts$',
  compare: '^(compare|compare-sources|compare-odd-shapes|compare-series|compare-overview|compare-endpoints|compare-exports|dose-normalising|endpoint-groups|agree|examples)\\.test\\.ts$',
  editor:
    '^(fixes|fix-all|hover-edges|editor|hover-outline|cursor-context|insertion-fixes|insert-edges|fix-safety|fix-verification|acknowledge-fix|acknowledged|golden|conversions|conversion-edges|quantity-nodes|applied-safely|fix-catalogue|on-enter)\\.test\\.ts$',
  parse:
    '^(plain-subset|layout|locate|key-line|fold-name|library-parse|invisible-names|unclosed-flow|depth|input|incremental|property|memory|examples|problem-codes|messages|fixes|golden|cursor-context|hover-outline|fix-safety|text-safety|prepare-text|indentation|number-as-text)\\.test\\.ts$',
};

/** The files to run first in an area: those written for it, so the mutants they kill cost little. */
const AREA_FIRST = {
  validate: 'validate-entry,text-safety,prepare-text,glob,workspace-ids,number-as-text,problem-order,indentation,acknowledged',
  compare: 'compare-sources,compare-odd-shapes,compare-overview,compare-endpoints,compare-exports,dose-normalising,endpoint-groups,compare',
  agree: 'agree-values,agree-matching,diff-edges,agree-exports,consensus-edges,agree',
  checks: 'invisible-sites,checks-edges,checks',
  schema: 'messages-wording,units-reading,schema-paths,schema-helpers-edges,ucum-edges,profile-data,schema-edges,messages-branches,units,quantities,profiles',
  parse: 'fold-name,library-parse,invisible-names,text-safety,prepare-text,indentation,layout,locate,key-line,plain-subset,unclosed-flow,depth',
};

const base = JSON.parse(readFileSync('stryker.config.json', 'utf8'));
const chosen = process.argv.slice(2).filter((a, i, all) => !a.startsWith('-') && !['--concurrency', '--only', '--tests', '--timeout'].includes(all[i - 1]));
const report = process.argv.includes('--report-only');
for (const a of chosen) if (!AREAS[a]) throw new Error(`unknown area ${a}; areas: ${Object.keys(AREAS).join(', ')}`);
mkdirSync('.cache/stryker', { recursive: true });
mkdirSync('test-output/mutation', { recursive: true });

/**
 * The tests run as one bundle that Stryker cannot read back, so its incremental mode cannot see
 * a test change: it would keep every old survivor. The tests are hashed here instead, and when
 * they changed since an area's last run, that area is run in full (--force).
 */
function testsHash() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(ts|mjs)$/.test(e.name)) hash.update(full).update(readFileSync(full));
    }
  };
  for (const dir of ['test/unit', 'test/cli', 'test/helpers', 'test/mutation']) walk(dir);
  return hash.digest('hex');
}

const survivors = process.argv.includes('--survivors');
// --concurrency N: test runner processes (default: the config's 2), say 1 beside another run.
// --only FILE,FILE: those files of the area, into a report of their own.
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : undefined;
// --tests NAME,NAME: run these test files (names without .test.ts) instead of the area's set; a
// narrower, faster lower bound for an area whose set holds slow property tests.
const testsAt = process.argv.indexOf('--tests');
const testsOverride = testsAt >= 0 ? `^(${(process.argv[testsAt + 1] ?? '').split(',').filter(Boolean).join('|')})\\.test\\.ts$` : undefined;
// --timeout MS: Stryker's timeoutMS (the config's 5000): what a mutant may take beyond 1.5 times the
// tests' own time. Parse mutants often loop for ever, and each such one costs this much.
const timeoutAt = process.argv.indexOf('--timeout');
const timeoutMS = timeoutAt >= 0 ? Number(process.argv[timeoutAt + 1]) : undefined;
const concurrencyAt = process.argv.indexOf('--concurrency');
const concurrency = concurrencyAt >= 0 ? process.argv[concurrencyAt + 1] : undefined;

/** One Stryker run of `mutate` for an area, with its test set; false when Stryker failed. */
function stryker(area, mutate, extra, reportFile, force) {
  const config = {
    ...base,
    mutate,
    ...extra,
    ...(timeoutMS && { timeoutMS }),
    tempDirName: `.cache/stryker-tmp/${area}`,
    jsonReporter: { fileName: reportFile },
  };
  const file = path.join('.cache', 'stryker', `${area}${survivors ? '.retest' : ''}.config.json`);
  writeFileSync(file, JSON.stringify(config, null, 2));
  // Mutants of how the schema validator is made need it made at run time (see build.mjs).
  const makesValidator = mutate.some((m) => /^src\/core\/(schema\/(ajv-setup|validator-source)\.ts|schema\/\*\*|\*\*)/.test(m));
  const tests = testsOverride ?? AREA_TESTS[area];
  const env = { ...process.env, ...(makesValidator && { MUTATION_RUNTIME_SCHEMA: '1' }), ...(tests && { MUTATION_TESTS: tests }), ...(AREA_FIRST[area] && { MUTATION_FIRST: AREA_FIRST[area] }) };
  if (tests) console.log(`   with the tests matching ${tests} only: the score is a lower bound`);
  return spawnSync('npx', ['stryker', 'run', file, ...(force ? ['--force'] : []), ...(concurrency ? ['--concurrency', concurrency] : [])], { stdio: 'inherit', env }).status === 0;
}

if (!report) {
  const tests = testsHash();
  for (const area of chosen.length ? chosen : Object.keys(AREAS)) {
    const started = Date.now();
    console.log(`\n== ${area}: ${AREAS[area].join(', ')}`);
    if (survivors) {
      // Only the lines of the newest measurement's survivors, and files changed since, are mutated
      // (of the files named with --only, when given).
      const globs = only ?? AREAS[area];
      const { patterns, whole, newest } = survivorPatterns(globs);
      console.log(`   re-testing the survivors: ${patterns.length} ranges${whole.length ? `, and whole: ${whole.join(', ')}` : ''}`);
      if (!patterns.length) continue;
      const fresh = `.cache/stryker/${area}.retest.json`;
      if (!stryker(area, patterns, { incremental: false }, fresh, false)) process.exit(1);
      const merged = mergeRetest(globs, newest, whole, JSON.parse(readFileSync(fresh, 'utf8')));
      writeFileSync(`test-output/mutation/${area}${only ? `-${only.map((f) => path.basename(f, '.ts')).join('+')}` : ''}.retest.json`, JSON.stringify(merged));
    } else if (only) {
      // Some files of the area, measured whole into a report of their own: a long area in parts
      // that each finish (the score reads each file's newest measurement from any report).
      const report = `test-output/mutation/${area}-${only.map((f) => path.basename(f, '.ts')).join('+')}.json`;
      console.log(`   only ${only.join(', ')}, into ${report}`);
      if (!stryker(area, only, { incremental: false }, report, false)) process.exit(1);
    } else {
      const hashFile = `.cache/stryker/${area}.tests`;
      const force = !existsSync(hashFile) || readFileSync(hashFile, 'utf8') !== tests;
      if (force) console.log('   the tests changed since this area last ran: every mutant is tested again');
      if (!stryker(area, AREAS[area], { incrementalFile: `.cache/stryker/${area}.json` }, `test-output/mutation/${area}.json`, force)) process.exit(1);
      writeFileSync(hashFile, tests);
    }
    console.log(`== ${area}: ${((Date.now() - started) / 60000).toFixed(1)} min`);
  }
}

// Scores as Stryker computes them, detected (killed, timed out) over valid (detected, survived, no
// coverage), from each file's newest measurement in any report: an area run whole, its survivors
// re-tested, or one file run on its own. A file changed since its measurement is counted as it
// was measured, and named.
const newest = newestPerFile();
// Whatever was measured is kept in the committed ledger, so the score survives a fresh clone.
writeFileSync(LEDGER, ledgerText(newest));
const totals = { core: { detected: 0, valid: 0 }, cli: { detected: 0, valid: 0 } };
console.log('\nmutation score (each file\'s newest measurement)');
for (const [area, globs] of Object.entries(AREAS)) {
  const files = filesOf(globs);
  const measured = files.filter((f) => newest.has(f));
  const count = countOf(measured.flatMap((f) => newest.get(f).entry.mutants));
  const unmeasured = files.filter((f) => !newest.has(f));
  const stale = measured.filter((f) => newest.get(f).stale);
  const reports = [...new Set(measured.map((f) => newest.get(f).report))].join(', ');
  if (!count.valid) {
    console.log(`  ${area.padEnd(9)} not run`);
    continue;
  }
  const target = area === 'cli' ? totals.cli : totals.core;
  target.detected += count.detected;
  target.valid += count.valid;
  console.log(`  ${area.padEnd(9)} ${((100 * count.detected) / count.valid).toFixed(1)}%  ${count.detected} of ${count.valid} detected, ${count.survived} survived, ${count.noCoverage} not covered  (${reports})`);
  if (unmeasured.length) console.log(`            in no report (type-only files have no mutants; others not run): ${unmeasured.join(', ')}`);
  if (stale.length) console.log(`            changed since measured: ${stale.join(', ')}`);
}
for (const [name, t] of Object.entries(totals)) {
  if (t.valid) console.log(`  src/${name}: ${((100 * t.detected) / t.valid).toFixed(1)}% (${t.detected} of ${t.valid})${name === 'core' ? ' — target 80%' : ''}`);
}
