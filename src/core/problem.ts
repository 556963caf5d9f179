import type { ProblemCode } from './codes';
import type { ProblemDataByCode } from './problem-data';

export type { ProblemDataByCode, UnitData } from './problem-data';

export type Severity = 'error' | 'warning' | 'info';

/** More problems than this per file are not listed: editors slow down and nobody reads them. */
export const MAX_PROBLEMS = 1000;

/** The data of any problem, for code that reads it without knowing the code. */
export type ProblemData = ProblemDataByCode[ProblemCode];

/** What a check produces: offsets into the text that was validated, and the code's own data. */
export type ProblemDraft = {
  [C in ProblemCode]: { code: C; message: string; start: number; end: number; severity?: Severity; data: ProblemDataByCode[C] };
}[ProblemCode];

/** A range of the input text: UTF-16 offsets, and 1-based lines and columns. */
export interface TextRange {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A located problem of one code. */
export type ProblemOf<C extends ProblemCode> = TextRange & { code: C; severity: Severity; message: string; data: ProblemDataByCode[C] };

/** A located problem: narrowing on `code` types its `data`. */
export type Problem = { [C in ProblemCode]: ProblemOf<C> }[ProblemCode];

/** Most severe first: error 0, warning 1, info 2. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Whether a problem of `severity` is at least as severe as `threshold` (the CLI's --fail-on). */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] <= SEVERITY_RANK[threshold];
}

export function severityCounts(problems: readonly Pick<Problem, 'severity'>[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const p of problems) counts[p.severity]++;
  return counts;
}

/** '1 file', '2 files'. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export function compareProblems(a: Problem, b: Problem): number {
  return a.start - b.start || a.end - b.end || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.code.localeCompare(b.code);
}
