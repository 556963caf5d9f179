import type { ProblemDraft } from '../problem';
import { referencePaths } from '../schema/schema';
import { firstInvisible, q } from '../text/safe';
import { valueAt, type PathSegment } from '../value-path';
import type { Check } from './check';
import { instancesOf, items } from './view';

const LISTS_WITH_IDS = ['products', 'arms', 'timepoints', 'endpoints', 'results'];

/**
 * Ids and references with an invisible character in them (a zero-width space, a bidi control)
 * look like another id but are not: `t1` and `t1\u200B` never match, and "did you mean `t1`?"
 * reads as nonsense. Each is reported once, naming the character.
 */
export const invisibleCharactersCheck: Check = {
  name: 'invisible-characters',
  check(doc) {
    const sites: PathSegment[][] = [['study', 'id']];
    for (const list of LISTS_WITH_IDS) for (const { index } of items(doc.value, list)) sites.push([list, index, 'id']);
    for (const { path } of referencePaths()) sites.push(...instancesOf(doc.value, path));
    const out: ProblemDraft[] = [];
    for (const path of sites) {
      const value = valueAt(doc.value, path);
      const which = typeof value === 'string' ? firstInvisible(value) : undefined;
      if (!which || typeof value !== 'string') continue;
      const span = doc.locate(path).value;
      out.push({
        code: 'id-invisible-character',
        message: `${q(value)} contains an invisible character, ${which}; ids are matched letter by letter, so retype it without.`,
        start: span.start,
        end: span.end,
        data: { id: value, character: which },
      });
    }
    return out;
  },
};
