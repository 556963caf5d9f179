import type { Problem } from '../problem';
import { ValidationSession, type ValidationResult } from '../validate';
import type { QuickFix, TextEdit } from './fixes';

/** Code actions are asked for as the cursor moves; one session keeps their check to the edited piece of a long file. */
const verifier = new ValidationSession();
let lastBase: { text: string; result: ValidationResult } | undefined;

/** The text with the edits (in input offsets) applied. */
export function applyEdits(text: string, edits: readonly TextEdit[], shift = 0): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start - shift) + e.newText + out.slice(e.end - shift);
  return out;
}

/**
 * Applies the fix and validates again: undefined unless the text still parses and no new error
 * appears, and, where the fix is for a problem, that problem is gone from the problems.
 * Before and after are validated under the same (default) options; the first run also seeds the
 * piece cache, so only the edited piece is parsed again.
 */
export function appliedSafely(fix: QuickFix, problem: Problem | undefined, result: ValidationResult): { base: ValidationResult; after: ValidationResult } | undefined {
  const before = result.parsed;
  if (!before) return undefined;
  // The text before is the same for every fix offered on it: validated once.
  if (lastBase?.text !== before.text) lastBase = { text: before.text, result: verifier.run(before.text) };
  const base = lastBase.result;
  const after = verifier.run(applyEdits(before.text, fix.edits, result.shift));
  if (!after.parsed?.usable) return undefined;
  const errors = (ps: readonly Problem[]) => ps.filter((p) => p.severity === 'error').map((p) => `${p.code} ${p.message}`);
  const known = new Set(errors(base.problems));
  if (errors(after.problems).some((e) => !known.has(e))) return undefined;
  if (problem && after.problems.some((p) => p.code === problem.code && p.message === problem.message)) return undefined;
  return { base, after };
}

/** Edits that together leave the text parsing and add no error (the CLI's fix applies several fixes at once). */
export function editsAreSafe(result: ValidationResult, edits: readonly TextEdit[]): boolean {
  return !!appliedSafely({ title: '', edits: [...edits], preferred: false }, undefined, result);
}
