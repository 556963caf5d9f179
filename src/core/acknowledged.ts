import { resolveFieldPath } from './checks/field-paths';
import { list, rec } from './checks/view';
import { isProblemCode } from './codes';
import type { ProblemDraft } from './problem';
import { q } from './text/safe';
import type { ParsedStudy } from './yaml/parsed-study';

/** A problem kept on purpose, and the curator's reason, written under `curation.acknowledged`. */
export interface SuppressedDraft {
  draft: ProblemDraft;
  reason: string;
}

/**
 * Applies `curation.acknowledged`: a problem with an entry's code that lies inside the entry's
 * field is taken out of the problems and kept, with the reason, as suppressed. An entry that
 * acknowledges nothing (the problem was fixed, or never was) is itself a problem, so that
 * acknowledgements do not outlive what they excuse. An entry whose field does not resolve is the
 * field-paths check's to report.
 */
export function applyAcknowledgements(drafts: readonly ProblemDraft[], doc: ParsedStudy): { kept: ProblemDraft[]; suppressed: SuppressedDraft[] } {
  const entries = list(rec(rec(doc.value)?.curation)?.acknowledged);
  if (!entries.length) return { kept: [...drafts], suppressed: [] };
  const suppressed = new Map<ProblemDraft, string>();
  const stale: ProblemDraft[] = [];
  entries.forEach((raw, index) => {
    const entry = rec(raw);
    const code = entry?.code;
    const field = entry?.field;
    const reason = entry?.reason;
    if (typeof code !== 'string' || typeof field !== 'string' || typeof reason !== 'string' || !reason.trim()) return; // the schema reports it
    const path = resolveFieldPath(doc.value, field);
    if (!path) return;
    const at = doc.locate(path);
    const start = at.key?.start ?? at.value.start;
    const end = Math.max(at.value.end, at.key?.end ?? 0);
    const matching = drafts.filter((d) => d.code === code && d.start >= start && d.end <= end);
    for (const d of matching) if (!suppressed.has(d)) suppressed.set(d, reason);
    if (matching.length) return;
    const span = doc.locate(['curation', 'acknowledged', index, 'code']).value;
    stale.push({
      code: 'acknowledgement-stale',
      message: isProblemCode(code)
        ? `Nothing in ${q(field)} has the problem ${q(code)} any more; remove this acknowledgement.`
        : `${q(code)} is not a problem code; acknowledge a code the Problems panel shows.`,
      start: span.start,
      end: span.end,
      data: { pointer: `/curation/acknowledged/${index}`, code, field },
    });
  });
  return {
    kept: [...drafts.filter((d) => !suppressed.has(d)), ...stale],
    suppressed: [...suppressed].map(([draft, reason]) => ({ draft, reason })),
  };
}
