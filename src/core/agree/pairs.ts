import { rec, str } from '../checks/view';
import type { CompareInput } from '../compare/build';
import { sourcesOf } from '../compare/source';
import { curatorKey } from '../workspace';
import { agreementOf } from './agreement';
import { diffStudies } from './diff';
import type { ExtractionInfo, ExtractionPair, StudyDiff } from './types';

const curationOf = (i: CompareInput) => rec(rec(i.result.parsed?.value)?.curation);

export function extractionInfo(i: CompareInput): ExtractionInfo {
  const c = curationOf(i);
  return { file: i.file, curator: str(c?.curator) ?? '', date: str(c?.date) ?? '' };
}

/** A consensus file (`curation.extractions`) settles a pair; it is not one of its extractions. */
export const isConsensus = (i: CompareInput) => Array.isArray(curationOf(i)?.extractions);

/** The study id, as the validator read it for the workspace check. */
export const studyIdOf = (i: CompareInput): string | undefined => i.result.studyId?.id;

/** The field-level diff of two extractions, with where each path is in its file. */
export function diffExtractions(left: CompareInput, right: CompareInput): StudyDiff {
  const study = (i: CompareInput) => rec(i.result.parsed?.value) ?? {};
  return diffStudies({ study: study(left), at: sourcesOf(left.file, left.result) }, { study: study(right), at: sourcesOf(right.file, right.result) });
}

/** The pair's differences and figures; `diff` when the caller has it already (the panel needs its renames too). */
export function comparePair(left: CompareInput, right: CompareInput, diff: StudyDiff = diffExtractions(left, right)): ExtractionPair {
  const errors = (i: CompareInput) => i.result.problems.filter((p) => p.severity === 'error').length;
  return {
    version: 1,
    id: studyIdOf(left) ?? '',
    left: extractionInfo(left),
    right: extractionInfo(right),
    differences: diff.differences,
    agreement: agreementOf(diff.fields),
    problems: { left: errors(left), right: errors(right) },
  };
}

/**
 * The pairs among validated files: files of one study id whose curators differ, each pair in
 * file order (the first is the left). Consensus files and files without an id or a curator are
 * no extraction. Three curators of one study give three pairs.
 */
export function findPairs(inputs: readonly CompareInput[]): [CompareInput, CompareInput][] {
  const byId = new Map<string, CompareInput[]>();
  for (const i of [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const id = studyIdOf(i);
    if (!id || isConsensus(i) || !extractionInfo(i).curator) continue;
    byId.set(id, [...(byId.get(id) ?? []), i]);
  }
  const pairs: [CompareInput, CompareInput][] = [];
  for (const group of byId.values())
    for (let a = 0; a < group.length; a++)
      for (let b = a + 1; b < group.length; b++) {
        const l = group[a] as CompareInput;
        const r = group[b] as CompareInput;
        if (curatorKey(extractionInfo(l).curator) !== curatorKey(extractionInfo(r).curator)) pairs.push([l, r]);
      }
  return pairs;
}
