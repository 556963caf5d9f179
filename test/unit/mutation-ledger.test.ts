// The mutation tool's committed ledger (test/mutation/measured.json): what a Stryker report
// measured survives as counts and open mutants, reads back as the same score, goes stale when
// its file changes, and gives way to a newer report.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { countOf, ledgerText, newestPerFile, survivorPatterns } from '../mutation/reports.mjs';

interface Mutant {
  mutatorName: string;
  replacement?: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
  status: string;
}
const at = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 9 } });
const mutant = (status: string, line: number): Mutant => ({ mutatorName: 'EqualityOperator', replacement: 'a < b', location: at(line), status });

/** A folder with a source file, a reports folder holding one Stryker report of it, and a ledger path. */
function measured(statuses: string[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sa-ledger-'));
  const source = path.join(dir, 'a.ts');
  const text = 'export const a = 1;\n';
  writeFileSync(source, text);
  mkdirSync(path.join(dir, 'reports'));
  const report = path.join(dir, 'reports', 'area.json');
  writeFileSync(report, JSON.stringify({ files: { [source]: { source: text, mutants: statuses.map((s, i) => mutant(s, i + 1)) } } }));
  return { dir, source, report, reports: path.join(dir, 'reports'), ledger: path.join(dir, 'measured.json') };
}

describe('the mutation ledger', () => {
  it('keeps a report\'s score: detected as a count, survivors, uncovered and timeouts in full', () => {
    const m = measured(['Killed', 'Killed', 'Timeout', 'Survived', 'NoCoverage', 'Killed']);
    const fromReport = newestPerFile(m.reports, m.ledger);
    writeFileSync(m.ledger, ledgerText(fromReport));
    const kept = JSON.parse(ledgerText(fromReport)).files[m.source];
    assert.equal(kept.detected, 3);
    assert.deepEqual(
      kept.open.map((x: Mutant) => [x.status, x.location.start.line]),
      [['Timeout', 3], ['Survived', 4], ['NoCoverage', 5]],
    );
    const fromLedger = newestPerFile(path.join(m.dir, 'none'), m.ledger);
    const count = countOf(fromLedger.get(m.source)!.entry.mutants);
    assert.deepEqual(count, { detected: 4, survived: 1, noCoverage: 1, valid: 6 });
    assert.equal(fromLedger.get(m.source)!.stale, false);
    // Written again from itself, the ledger is the same text.
    assert.equal(ledgerText(fromLedger), ledgerText(fromReport));
  });

  it('names a file changed since its measurement as stale', () => {
    const m = measured(['Killed', 'Survived']);
    writeFileSync(m.ledger, ledgerText(newestPerFile(m.reports, m.ledger)));
    writeFileSync(m.source, 'export const a = 2;\n');
    assert.equal(newestPerFile(path.join(m.dir, 'none'), m.ledger).get(m.source)!.stale, true);
    assert.equal(newestPerFile(m.reports, m.ledger).get(m.source)!.stale, true);
  });

  it('gives way to a newer report, and wins over an older one', () => {
    const m = measured(['Survived', 'Survived']);
    writeFileSync(m.ledger, ledgerText(newestPerFile(m.reports, m.ledger)));
    const text = 'export const a = 1;\n';
    writeFileSync(m.report, JSON.stringify({ files: { [m.source]: { source: text, mutants: [mutant('Killed', 1), mutant('Killed', 2)] } } }));
    const later = new Date(Date.now() + 60_000);
    utimesSync(m.report, later, later);
    assert.equal(countOf(newestPerFile(m.reports, m.ledger).get(m.source)!.entry.mutants).detected, 2);
    const earlier = new Date(Date.now() - 3_600_000);
    utimesSync(m.report, earlier, earlier);
    assert.equal(countOf(newestPerFile(m.reports, m.ledger).get(m.source)!.entry.mutants).detected, 0);
  });

  it('re-tests, from the ledger alone, the lines of its open mutants', () => {
    const cwd = process.cwd();
    const m = measured(['Killed', 'Survived', 'Timeout']);
    const newest = newestPerFile(m.reports, m.ledger);
    mkdirSync(path.join(m.dir, 'test', 'mutation'), { recursive: true });
    mkdirSync(path.join(m.dir, 'src'));
    writeFileSync(path.join(m.dir, 'src', 'a.ts'), 'export const a = 1;\n');
    // The ledger as the repository holds it: paths relative to the repository.
    const relative = new Map([['src/a.ts', { ...newest.get(m.source)!, report: 'area.json' }]]);
    writeFileSync(path.join(m.dir, 'test', 'mutation', 'measured.json'), ledgerText(relative));
    process.chdir(m.dir);
    try {
      assert.deepEqual(survivorPatterns(['src/**/*.ts']).patterns, ['src/a.ts:2-2', 'src/a.ts:3-3']);
    } finally {
      process.chdir(cwd);
    }
  });
});
