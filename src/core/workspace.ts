import { clipValue, q } from './text/safe';
import { PROBLEM_CODES } from './codes';
import type { Problem, TextRange } from './problem';

/** Where a file declares its study id (from ValidationResult.studyId). */
export interface StudyIdLocation extends TextRange {
  id: string;
}

/**
 * Study ids are unique across the workspace. Given each file's id (files are keyed by any
 * string, e.g. a path or URI), returns a problem for every file whose id another file also uses.
 */
export function duplicateStudyIds(files: ReadonlyMap<string, StudyIdLocation | undefined>): Map<string, Problem[]> {
  const byId = new Map<string, string[]>();
  for (const [key, loc] of files) {
    if (!loc) continue;
    const list = byId.get(loc.id);
    if (list) list.push(key);
    else byId.set(loc.id, [key]);
  }
  const out = new Map<string, Problem[]>();
  for (const [id, keys] of byId) {
    if (keys.length < 2) continue;
    for (const key of keys) {
      const loc = files.get(key) as StudyIdLocation;
      const others = keys.filter((k) => k !== key);
      out.set(key, [
        {
          code: 'study-id-duplicate',
          severity: PROBLEM_CODES['study-id-duplicate'].severity,
          message: `The study id ${q(id)} is also used by ${others.slice(0, 3).map((o) => clipValue(o)).join(', ')}${others.length > 3 ? ` and ${others.length - 3} more` : ''}; study ids must be unique across the workspace.`,
          ...range(loc),
          data: { id, others },
        },
      ]);
    }
  }
  return out;
}

function range({ start, end, line, column, endLine, endColumn }: TextRange): TextRange {
  return { start, end, line, column, endLine, endColumn };
}
