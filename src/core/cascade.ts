import type { ProblemCode } from './codes';
import type { ProblemDraft } from './problem';
import type { ParsedStudy } from './yaml/parsed-study';

/**
 * One fault, one problem. A YAML error that breaks the structure (a syntax error, a tab) makes
 * everything the parser read after it unreliable: values land in the wrong place, keys go
 * missing, references dangle. Of what falls in the damaged region only the first such error is
 * kept. The region is the top-level section holding the error; where the file was parsed
 * whole, the parser's recovery can swallow the sections after it too, so it runs to the end.
 */
const BREAKS_STRUCTURE: ReadonlySet<ProblemCode> = new Set(['yaml-syntax', 'yaml-tab-indent', 'yaml-indentation']);

interface Region {
  start: number;
  end: number;
  /** Top-level keys in the region: problems about them (missing, or pointed at) are consequences. */
  keys: Set<string>;
}

/** Problems that say all another code says about the same value: [the one kept, the one dropped inside its range]. */
const SUPERSEDES: readonly [ProblemCode, ProblemCode][] = [
  // {particles} in a dose of cells: "the wrong count for the product" covers "another count than the other doses".
  ['dose-kind-mismatch', 'unit-annotation-mismatch'],
];

/** The annotation a written unit counts ('particles' in `2 10*6{particles}/kg`), if it names one. */
const annotation = (text: string) => /\{([^}]*)\}/.exec(text)?.[1]?.toLowerCase();

export function withoutCascades(given: readonly ProblemDraft[], doc: ParsedStudy): ProblemDraft[] {
  // A dose of the wrong kind ({particles} for cells) also makes the right doses "count another
  // thing than" it: those problems name its annotation as their anchor, and say the same fault.
  const wrongKinds = new Set(given.filter((k) => k.code === 'dose-kind-mismatch').map((k) => annotation(doc.text.slice(k.start, k.end))));
  wrongKinds.delete(undefined); // a unit written without braces names nothing to compare
  const all = given.filter(
    (d) =>
      !SUPERSEDES.some(([kept, dropped]) => d.code === dropped && given.some((k) => k.code === kept && d.start >= k.start && d.end <= k.end)) &&
      !(d.code === 'unit-annotation-mismatch' && wrongKinds.has(annotation(d.data.anchor))),
  );
  // An alias that resolves to nothing is read as an empty value: "must be text (found an empty value)" there says it again.
  // Likewise an id with an invisible character: its pattern and its references say nothing more.
  const standIns: ProblemDraft[] = all.filter((d) => d.code === 'yaml-unresolved-alias' || d.code === 'id-invisible-character');
  const drafts = standIns.length ? all.filter((d) => standIns.includes(d) || d.code.startsWith('yaml-') || !standIns.some((a) => d.start >= a.start && d.end <= a.end)) : all;
  const errors = drafts.filter((d) => BREAKS_STRUCTURE.has(d.code)).sort((a, b) => a.start - b.start);
  if (!errors.length) return [...drafts];
  const regions: Region[] = [];
  const first = new Set<ProblemDraft>();
  for (const e of errors) {
    if (regions.some((r) => e.start >= r.start && e.start < r.end)) continue;
    first.add(e);
    regions.push(regionOf(doc, e.start));
  }
  const damaged = (at: number) => regions.some((r) => at >= r.start && at < r.end);
  const lostKeys = new Set(regions.flatMap((r) => [...r.keys]));
  const wholeParse = !doc.split;
  return drafts.filter((d) => {
    if (first.has(d)) return true;
    if (BREAKS_STRUCTURE.has(d.code)) return false; // a later error of the same fault
    if (damaged(d.start)) return false;
    const data = d.data as Record<string, unknown>;
    // "The annotation is missing `endpoints`": after a whole-file parse went wrong, it may just not have been read.
    if (d.code === 'schema-missing-property' && data.pointer === '/' && (wholeParse || lostKeys.has(String(data.property)))) return false;
    // Pointers and field paths into a damaged section name what the error hid; so does an
    // acknowledgement there that finds nothing to acknowledge.
    const field = d.code === 'field-path-unresolved' || d.code === 'acknowledgement-stale' ? String(data.field).split('.')[0] : undefined;
    if (field !== undefined && lostKeys.has(field)) return false;
    // A reference to an id the damaged section declares dangles because of the error, not the reference.
    if (d.code === 'ref-unresolved' && lostKeys.has(`${String(data.kind)}s`)) return false;
    if (d.code === 'ref-timepoint-not-assessed' && lostKeys.has('endpoints')) return false;
    return true;
  });
}

/** The damaged region around an error: its top-level section, or (whole parse) everything from that section on. */
function regionOf(doc: ParsedStudy, at: number): Region {
  const keys = doc.topLevelKeys();
  let start = 0;
  let end = doc.text.length;
  const inRegion = new Set<string>();
  for (const [i, k] of keys.entries()) {
    const next = keys[i + 1]?.span.start ?? doc.text.length;
    if (k.span.start <= at) start = lineStart(doc.text, k.span.start);
    if (k.span.start <= at && at < next && doc.split) end = lineStart(doc.text, next);
  }
  for (const k of keys) if (k.span.start >= start && k.span.start < end) inRegion.add(k.key);
  // Keys the parser never saw (swallowed by the error) are in the region too.
  for (const m of doc.text.slice(start, end).matchAll(/^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:/gm)) inRegion.add(m[1] as string);
  return { start, end, keys: inRegion };
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}
