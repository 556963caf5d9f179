import { clipValue, q } from './text/safe';
import { PROBLEM_CODES } from './codes';
import type { Problem, TextRange } from './problem';

/** Where a file declares its study id (from ValidationResult.studyId), and who curated it. */
export interface StudyIdLocation extends TextRange {
  id: string;
  /** `curation.curator`: two files of one id by distinct curators are two extractions, not a duplicate. */
  curator?: string;
  /** The file is a consensus (`curation.extractions`): it shares the id of the extractions it settles. */
  consensus?: boolean;
}

/** Curators are the same person whatever the case and the spaces around the name. */
export const curatorKey = (name: string | undefined): string => name?.trim().toLowerCase() ?? '';

const listed = (others: string[]) => `${others.slice(0, 3).map((o) => clipValue(o)).join(', ')}${others.length > 3 ? ` and ${others.length - 3} more` : ''}`;

/**
 * Study ids are unique across the workspace, with two exceptions that systematic reviews need:
 * files of one id by distinct curators are independent extractions of one study (a pair to
 * reconcile, said as an info until a consensus of them exists), and a consensus file shares the
 * id of the extractions it settles. Files are keyed by any string (a path or URI).
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
  const add = (key: string, p: Omit<Problem, keyof TextRange | 'severity'> & { code: 'study-id-duplicate' | 'study-extraction-pair' }) =>
    out.set(key, [{ ...p, severity: PROBLEM_CODES[p.code].severity, ...range(files.get(key) as StudyIdLocation) } as Problem]);
  for (const [id, keys] of byId) {
    if (keys.length < 2) continue;
    const consensus = keys.filter((k) => files.get(k)?.consensus);
    const extractions = keys.filter((k) => !files.get(k)?.consensus);
    // Files of one curator collide; a file that names no curator is no extraction (the pairs skip
    // it too), so it collides with every other file of the id; so do two consensus files.
    const byCurator = new Map<string, string[]>();
    for (const k of extractions) {
      const who = curatorKey(files.get(k)?.curator);
      byCurator.set(who, [...(byCurator.get(who) ?? []), k]);
    }
    const anonymous = byCurator.has('') && extractions.length > 1;
    const colliding = [...[...byCurator.entries()].flatMap(([who, ks]) => (who !== '' && ks.length > 1 ? [ks] : [])), ...(anonymous ? [extractions] : []), ...(consensus.length > 1 ? [consensus] : [])];
    // Every group holds two files or more: the conditions above make it so.
    for (const group of colliding) {
      for (const key of group) {
        const others = group.filter((k) => k !== key);
        add(key, {
          code: 'study-id-duplicate',
          message: `The study id ${q(id)} is also used by ${listed(others)}; study ids must be unique across the workspace.`,
          data: { id, others },
        });
      }
    }
    if (consensus.length) continue;
    const paired = extractions.filter((k) => !out.has(k));
    for (const key of paired) {
      const others = paired.filter((k) => k !== key);
      if (!others.length) continue;
      add(key, {
        code: 'study-extraction-pair',
        message: `${listed(others)} is another extraction of ${q(id)} by a different curator: a pair to reconcile ("Study Annotator: Reconcile Extractions"), not a duplicate.`,
        data: { id, others },
      });
    }
  }
  return out;
}

function range({ start, end, line, column, endLine, endColumn }: TextRange): TextRange {
  return { start, end, line, column, endLine, endColumn };
}
