import { instancesOf } from './checks/view';
import { numberAsTextPaths } from './schema/schema';
import { valueAt } from './value-path';
import type { ParsedStudy } from './yaml/parsed-study';

let paths: string[][] | undefined;

/**
 * Curators type `phase: 1`, `pmid: 32380908` and `id: 2` unquoted, and YAML reads them as
 * numbers where the format wants text. In the fields the schema marks `x-number-as-text`, such a
 * number is replaced by its text as written (`0123` stays `0123`), before any check reads the
 * value, so that `phase: 1` is the phase '1' and `arm: 2` refers to the arm with id '2'.
 * Idempotent: the pieces of a split parse are cached, and may pass here more than once.
 */
export function readNumbersAsText(doc: ParsedStudy): void {
  paths ??= numberAsTextPaths();
  for (const pattern of paths) {
    for (const path of instancesOf(doc.value, pattern)) {
      const parent = valueAt(doc.value, path.slice(0, -1)) as Record<string | number, unknown>;
      const key = path[path.length - 1] as string | number;
      if (typeof parent[key] !== 'number') continue;
      const span = doc.locate(path).value;
      const written = doc.text.slice(span.start, span.end).trim();
      // A number from an alias or a tag keeps its value's text; the source text is not the number there.
      parent[key] = /^[-+.0-9]/.test(written) ? written : String(parent[key]);
    }
  }
}
