// Reading and combining Stryker's JSON reports (test-output/mutation/*.json): which files an area
// holds, each file's newest measurement and whether its source changed since, and re-testing
// only an area's survivors with the tests as they are now.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

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
export function newestPerFile(dir = 'test-output/mutation') {
  const newest = new Map();
  if (!existsSync(dir)) return newest;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const file = path.join(dir, name);
    const time = statSync(file).mtimeMs;
    const files = JSON.parse(readFileSync(file, 'utf8')).files ?? {};
    for (const [source, entry] of Object.entries(files)) {
      const seen = newest.get(source);
      if (!seen || seen.time < time) newest.set(source, { report: name, time, entry });
    }
  }
  for (const [source, m] of newest) m.stale = !existsSync(source) || readFileSync(source, 'utf8') !== m.entry.source;
  return newest;
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
      mutants: before.mutants.map((m) => {
        if (!retested(m)) return m;
        const again = now?.mutants.find((x) => sameMutant(x, m));
        return again ? { ...m, status: again.status, statusReason: again.statusReason, killedBy: again.killedBy, coveredBy: again.coveredBy } : m;
      }),
    };
  }
  return { ...fresh, files };
}
