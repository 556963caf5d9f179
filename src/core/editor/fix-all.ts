import type { ValidationResult } from '../validate';
import { quickFixes, type QuickFix, type TextEdit } from './fixes';
import { appliedSafely } from './verify';

/**
 * Every unit spelling corrected at once (`cc` → `mL`, `days` → `d`): the only fixes safe to run
 * on save, since each changes a spelling and never a value. Each is verified on its own, as a
 * quick fix is, and the whole set once more; undefined when there is nothing to correct.
 */
export function spellingFixAll(result: ValidationResult): QuickFix | undefined {
  const edits: TextEdit[] = [];
  for (const problem of result.problems) {
    if (problem.code !== 'unit-synonym') continue;
    const fix = quickFixes(problem, result).find((f) => f.preferred);
    if (fix && !fix.edits.some((e) => edits.some((x) => e.start < x.end && x.start < e.end))) edits.push(...fix.edits);
  }
  if (!edits.length) return undefined;
  const all: QuickFix = { title: 'Write UCUM codes for unit spellings', edits, preferred: false };
  const run = appliedSafely(all, undefined, result);
  return run && !run.after.problems.some((p) => p.code === 'unit-synonym' && edits.some((e) => e.start <= p.start && p.end <= e.start + e.newText.length)) ? all : undefined;
}
