// npm run test:mutation [-- area ...]: StrykerJS over src/core and src/cli, one area at a time.
// Each area has its own incremental file (.cache/stryker/AREA.json), so a run re-tests only what
// changed there, and its own report (test-output/mutation/AREA.json). At the end the reports of
// every area are read back and the scores printed: per area, src/core, and src/cli.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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
 * whole suite takes about 30 s per survivor here; these sets take 1 to 8 s.
 */
const AREA_TESTS = {
  agree: '^(agree|agree-exports|agree-matching|consensus-edges|diff-edges|compare)\\.test\\.ts$',
  compare: '^(compare|compare-series|compare-overview|compare-endpoints|compare-exports|dose-normalising|endpoint-groups|agree|examples)\\.test\\.ts$',
  editor:
    '^(fixes|editor|hover-outline|cursor-context|insertion-fixes|insert-edges|fix-safety|fix-verification|acknowledge-fix|acknowledged|golden|conversions|conversion-edges|quantity-nodes|applied-safely|fix-catalogue|on-enter)\\.test\\.ts$',
  parse:
    '^(plain-subset|depth|input|incremental|property|memory|examples|problem-codes|messages|fixes|golden|cursor-context|hover-outline|fix-safety)\\.test\\.ts$',
};

const base = JSON.parse(readFileSync('stryker.config.json', 'utf8'));
const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
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

if (!report) {
  const tests = testsHash();
  for (const area of chosen.length ? chosen : Object.keys(AREAS)) {
    const hashFile = `.cache/stryker/${area}.tests`;
    const force = !existsSync(hashFile) || readFileSync(hashFile, 'utf8') !== tests;
    const started = Date.now();
    const config = {
      ...base,
      mutate: AREAS[area],
      incrementalFile: `.cache/stryker/${area}.json`,
      tempDirName: `.cache/stryker-tmp/${area}`,
      jsonReporter: { fileName: `test-output/mutation/${area}.json` },
    };
    const file = path.join('.cache', 'stryker', `${area}.config.json`);
    writeFileSync(file, JSON.stringify(config, null, 2));
    console.log(`\n== ${area}: ${AREAS[area].join(', ')}`);
    if (force) console.log('   the tests changed since this area last ran: every mutant is tested again');
    const env = AREA_TESTS[area] ? { ...process.env, MUTATION_TESTS: AREA_TESTS[area] } : process.env;
    if (AREA_TESTS[area]) console.log(`   with the tests matching ${AREA_TESTS[area]} only: the score is a lower bound`);
    const r = spawnSync('npx', ['stryker', 'run', file, ...(force ? ['--force'] : [])], { stdio: 'inherit', env });
    if (r.status !== 0) process.exit(r.status ?? 1);
    writeFileSync(hashFile, tests);
    console.log(`== ${area}: ${((Date.now() - started) / 60000).toFixed(1)} min`);
  }
}

// Scores as Stryker computes them: detected (killed, timed out) over valid (detected, survived, no coverage).
const rows = [];
const totals = { core: { detected: 0, valid: 0 }, cli: { detected: 0, valid: 0 } };
for (const area of Object.keys(AREAS)) {
  const json = `test-output/mutation/${area}.json`;
  if (!existsSync(json)) {
    rows.push([area, 'not run']);
    continue;
  }
  const files = JSON.parse(readFileSync(json, 'utf8')).files;
  const count = { detected: 0, survived: 0, noCoverage: 0 };
  for (const f of Object.values(files)) {
    for (const m of f.mutants) {
      if (m.status === 'Killed' || m.status === 'Timeout') count.detected++;
      else if (m.status === 'Survived') count.survived++;
      else if (m.status === 'NoCoverage') count.noCoverage++;
    }
  }
  const valid = count.detected + count.survived + count.noCoverage;
  const target = area === 'cli' ? totals.cli : totals.core;
  target.detected += count.detected;
  target.valid += valid;
  rows.push([area, `${((100 * count.detected) / valid).toFixed(1)}%`, `${count.detected} of ${valid} detected, ${count.survived} survived, ${count.noCoverage} not covered`]);
}
console.log('\nmutation score');
for (const r of rows) console.log(`  ${r[0].padEnd(9)} ${r.slice(1).join('  ')}`);
for (const [name, t] of Object.entries(totals)) {
  if (t.valid) console.log(`  src/${name}: ${((100 * t.detected) / t.valid).toFixed(1)}% (${t.detected} of ${t.valid})${name === 'core' ? ' — target 80%' : ''}`);
}
