// Reading and combining Stryker's JSON reports (test-output/mutation/*.json): which files an area
// holds, each file's newest measurement and whether its source changed since, and re-testing
// only an area's survivors with the tests as they are now.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The committed record of each file's newest measurement (test/mutation/measured.json): reports
 * under test-output/ go with the machine, and measuring all of src/core takes longer than a
 * working session, so what was measured is kept with the code it measured. Per file: the source's
 * hash, when and by which report it was measured, how many mutants were detected, and the
 * undetected and timed-out ones in full (what a survivors run tests again).
 */
export const LEDGER = 'test/mutation/measured.json';
export const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** An area's globs ('src/core/**\/*.ts', 'src/core/*.ts') as one test of a relative path. */
export function matcherOf(globs) {
  const res = globs.map((g) => new RegExp(`^${g.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\//g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '(?:.*/)?')}$`));
  return (file) => res.some((re) => re.test(file));
}

/** The TypeScript files of an area, as paths relative to the repository. */
export function filesOf(globs) {
  const matches = matcherOf(globs);
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.posix.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (matches(full)) out.push(full);
    }
  };
  walk('src');
  return out.sort();
}

export const detected = (m) => m.status === 'Killed' || m.status === 'Timeout';
export const undetected = (m) => m.status === 'Survived' || m.status === 'NoCoverage';
/** What a survivors run tests again: the undetected, and timeouts, which a busy machine also gives a slow survivor. */
export const retested = (m) => undetected(m) || m.status === 'Timeout';

/** Killed, timed out, survived and uncovered mutants; the score as Stryker computes it. */
export function countOf(mutants) {
  const c = { detected: 0, survived: 0, noCoverage: 0 };
  for (const m of mutants) {
    if (detected(m)) c.detected++;
    else if (m.status === 'Survived') c.survived++;
    else if (m.status === 'NoCoverage') c.noCoverage++;
  }
  return { ...c, valid: c.detected + c.survived + c.noCoverage };
}

/**
 * Each file's newest measurement among every report in `dir`: the report it comes from, its
 * mutants, and whether the file's source changed since (a stale figure).
 */
export function newestPerFile(dir = 'test-output/mutation', ledger = LEDGER) {
  const newest = new Map();
  const offer = (source, m) => {
    const seen = newest.get(source);
    if (!seen || seen.time < m.time) newest.set(source, m);
  };
  for (const [source, kept] of Object.entries(readLedger(ledger))) {
    offer(source, { report: kept.report, time: Date.parse(kept.measured), entry: entryOf(kept), hash: kept.sha256 });
  }
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      const file = path.join(dir, name);
      const time = statSync(file).mtimeMs;
      const files = JSON.parse(readFileSync(file, 'utf8')).files ?? {};
      for (const [source, entry] of Object.entries(files)) offer(source, { report: name, time, entry, hash: sha256(entry.source) });
    }
  }
  for (const [source, m] of newest) m.stale = !existsSync(source) || sha256(readFileSync(source, 'utf8')) !== m.hash;
  return newest;
}

export function readLedger(ledger = LEDGER) {
  return existsSync(ledger) ? JSON.parse(readFileSync(ledger, 'utf8')).files : {};
}

/** A ledger record as a report's file entry: its detected mutants stand in as bare `Killed` ones. */
function entryOf(kept) {
  return { mutants: [...Array.from({ length: kept.detected }, () => ({ status: 'Killed' })), ...kept.open] };
}

/** The ledger for every file's newest measurement, one file a line so that a diff shows what changed. */
export function ledgerText(newest) {
  const lines = [...newest.keys()].sort().map((source) => {
    const m = newest.get(source);
    const open = m.entry.mutants
      .filter(retested)
      .map(({ mutatorName, replacement, location, status }) => ({ mutatorName, replacement, location: { start: location.start, end: location.end }, status }));
    const kept = {
      sha256: m.hash,
      measured: new Date(m.time).toISOString(),
      report: m.report,
      detected: m.entry.mutants.filter((x) => detected(x) && !retested(x)).length,
      open,
    };
    return `    ${JSON.stringify(source)}: ${JSON.stringify(kept)}`;
  });
  return `{\n  "files": {\n${lines.join(',\n')}\n  }\n}\n`;
}

/**
 * The `mutate` patterns that re-test an area's survivors: the lines of each surviving, uncovered
 * or timed-out mutant of a file whose source is as measured, and whole files that changed since
 * or were never measured.
 */
export function survivorPatterns(globs) {
  const newest = newestPerFile();
  const patterns = [];
  const whole = [];
  for (const file of filesOf(globs)) {
    const m = newest.get(file);
    if (!m || m.stale) {
      patterns.push(file);
      whole.push(file);
      continue;
    }
    for (const mutant of m.entry.mutants.filter(retested)) patterns.push(`${file}:${mutant.location.start.line}-${mutant.location.end.line}`);
  }
  return { patterns: [...new Set(patterns)], whole, newest };
}

const sameMutant = (a, b) =>
  a.mutatorName === b.mutatorName &&
  a.replacement === b.replacement &&
  a.location.start.line === b.location.start.line &&
  a.location.start.column === b.location.start.column &&
  a.location.end.line === b.location.end.line &&
  a.location.end.column === b.location.end.column;

/**
 * The area's report after a re-test: files tested whole take the new entry; in the others each
 * survivor takes its new status. A mutant killed before stays killed, since tests were only
 * added; any test removed or weakened calls for a full run instead.
 */
export function mergeRetest(globs, newest, whole, fresh) {
  const files = {};
  for (const file of filesOf(globs)) {
    const now = fresh.files[file];
    if (whole.includes(file)) {
      if (now) files[file] = now;
      continue;
    }
    const before = newest.get(file)?.entry;
    if (!before) continue;
    files[file] = {
      ...before,
      // A ledger record carries no source; a re-tested file is as measured, so it is the file's.
      source: before.source ?? readFileSync(file, 'utf8'),
      mutants: before.mutants.map((m) => {
        if (!retested(m)) return m;
        const again = now?.mutants.find((x) => sameMutant(x, m));
        return again ? { ...m, status: again.status, statusReason: again.statusReason, killedBy: again.killedBy, coveredBy: again.coveredBy } : m;
      }),
    };
  }
  return { ...fresh, files };
}
