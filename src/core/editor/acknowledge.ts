import { rec } from '../checks/view';
import type { Problem } from '../problem';
import type { PathSegment } from '../value-path';
import type { ParsedStudy } from '../yaml/parsed-study';
import type { QuickFix } from './fixes';

/** What the inserted entry says until the curator writes the reason. */
export const ACKNOWLEDGE_REASON = 'Checked against the source; say why this is kept';

/**
 * "Acknowledge this problem": an entry under `curation.acknowledged` with the problem's code, the
 * field it is on (list items named by id, so the path survives reordering) and a reason to
 * complete. Offered for warnings and infos only: an error is a fault in the file, not advice a
 * correct file may be unable to follow. Undefined where there is no field or no block
 * `curation` to write into.
 */
export function acknowledgeFix(problem: Problem, doc: ParsedStudy, shift: number): QuickFix | undefined {
  // A spelling is corrected, never kept: `as_reported` holds what the source wrote.
  if (problem.severity === 'error' || problem.code === 'acknowledgement-stale' || problem.code === 'unit-synonym') return undefined;
  const field = fieldAt(doc, problem.start - shift, problem.end - shift);
  if (!field) return undefined;
  const text = doc.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const curation = doc.locate(['curation']);
  // Block lines cannot go into a flow mapping ('curation: {curator: …}').
  if (!curation.found || !rec(rec(doc.value)?.curation) || text.charAt(curation.value.start) === '{') return undefined;
  const list = rec(rec(doc.value)?.curation)?.acknowledged;
  const entry = (indent: string) => [`${indent}- code: ${problem.code}`, `${indent}  field: ${field}`, `${indent}  reason: ${ACKNOWLEDGE_REASON}`];
  let at: number;
  let lines: string[];
  if (Array.isArray(list) && list.length) {
    const first = doc.locate(['curation', 'acknowledged', 0]).value.start;
    const dash = text.lastIndexOf('-', first);
    at = doc.locate(['curation', 'acknowledged']).value.end;
    lines = entry(' '.repeat(dash - (text.lastIndexOf('\n', dash) + 1)));
  } else if (list === undefined) {
    const key = doc.locate(['curation', Object.keys(rec(rec(doc.value)?.curation) ?? {})[0] ?? '']).key;
    if (!key) return undefined;
    const indent = ' '.repeat(key.start - (text.lastIndexOf('\n', key.start - 1) + 1));
    at = curation.value.end;
    lines = [`${indent}acknowledged:`, ...entry(`${indent}  `)];
  } else {
    return undefined; // an empty or malformed list is the schema's to report first
  }
  // Insert after the block's last character, so trailing comments and blank lines stay put.
  const needsBreak = text.slice(at - 1, at) !== '\n';
  const body = lines.join(eol);
  return {
    title: `Acknowledge \`${problem.code}\` on ${field} (with a reason to complete)`,
    edits: [{ start: at + shift, end: at + shift, newText: needsBreak ? `${eol}${body}` : `${body}${eol}` }],
    preferred: false,
  };
}

/** The dotted path of the innermost field whose text holds [start, end], naming list items by id where they have one. */
function fieldAt(doc: ParsedStudy, start: number, end: number): string | undefined {
  const path: PathSegment[] = [];
  const names: string[] = [];
  let value: unknown = doc.value;
  for (;;) {
    const entries: [PathSegment, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(rec(value) ?? {});
    const inside = entries.find(([seg]) => {
      const at = doc.locate([...path, seg]);
      if (!at.found) return false;
      const from = at.key?.start ?? at.value.start;
      return start >= from && end <= Math.max(at.value.end, at.key?.end ?? 0);
    });
    if (!inside) break;
    const [seg, child] = inside;
    path.push(seg);
    const id = rec(child)?.id;
    names.push(typeof seg === 'number' && typeof id === 'string' && !id.includes('.') ? id : String(seg));
    value = child;
  }
  // A problem at an item's id is about the item the id names.
  if (names.length > 1 && path[path.length - 1] === 'id') names.pop();
  return names.length ? names.join('.') : undefined;
}
