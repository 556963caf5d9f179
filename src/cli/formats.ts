import { plural, PROBLEM_CODES, severityCounts, type Problem, type ProblemCode, type SuppressedProblem } from '../core';

export interface FileReport {
  path: string;
  problems: Problem[];
  /** Problems acknowledged in the file (`curation.acknowledged`), with the reason; they never fail a run. */
  suppressed: SuppressedProblem[];
}

export function formatHuman(reports: readonly FileReport[]): string {
  const lines = reports.flatMap((r) => r.problems.map((p) => `${r.path}:${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}`));
  lines.push(summary(reports));
  return lines.join('\n') + '\n';
}

export function summary(reports: readonly FileReport[]): string {
  const all = reports.flatMap((r) => r.problems);
  const counts = severityCounts(all);
  const withProblems = reports.filter((r) => r.problems.length).length;
  const acknowledged = reports.reduce((n, r) => n + r.suppressed.length, 0);
  const also = acknowledged ? ` ${plural(acknowledged, 'acknowledged problem')} not counted.` : '';
  if (!all.length) return `${plural(reports.length, 'file')} checked, no problems.${also}`;
  return `${plural(all.length, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}) in ${withProblems} of ${plural(reports.length, 'file')}.${also}`;
}

export function formatJson(reports: readonly FileReport[], version: string): string {
  return JSON.stringify({ tool: 'study-annotator', version, files: reports }, null, 2) + '\n';
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF 2.1.0 with 1-based regions; columns count UTF-16 code units, SARIF's default. */
export function formatSarif(reports: readonly FileReport[], version: string): string {
  const codes = Object.keys(PROBLEM_CODES) as ProblemCode[];
  const rules = codes.map((id) => ({
    id,
    shortDescription: { text: PROBLEM_CODES[id].summary },
    defaultConfiguration: { level: SARIF_LEVEL[PROBLEM_CODES[id].severity] },
  }));
  const result = (path: string, p: Problem) => ({
    ruleId: p.code,
    ruleIndex: codes.indexOf(p.code),
    level: SARIF_LEVEL[p.severity],
    message: { text: p.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: path.split('\\').join('/'), uriBaseId: 'SRCROOT' },
          region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn, charOffset: p.start, charLength: p.end - p.start },
        },
      },
    ],
    properties: { data: p.data },
  });
  // An acknowledged problem is a result with an in-source suppression: SARIF viewers list it as suppressed.
  const results = reports.flatMap((r) => [
    ...r.problems.map((p) => result(r.path, p)),
    ...r.suppressed.map((p) => ({ ...result(r.path, p), suppressions: [{ kind: 'inSource', justification: p.justification }] })),
  ]);
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'study-annotator', version, rules } }, columnKind: 'utf16CodeUnits', results }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
